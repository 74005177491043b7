import XCTest

final class ReportsTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
