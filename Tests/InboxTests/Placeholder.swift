import XCTest

final class InboxTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
