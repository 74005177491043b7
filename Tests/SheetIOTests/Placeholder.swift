import XCTest

final class SheetIOTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
