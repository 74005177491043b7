import XCTest

final class UserListTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
