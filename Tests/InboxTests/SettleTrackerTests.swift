import XCTest
@testable import Inbox

final class SettleTrackerTests: XCTestCase {
    private let a = FileName("a.csv")
    private let b = FileName("b.csv")

    func testAFileSettlesAfterStayingUnchanged() {
        var tracker = SettleTracker(settleSeconds: 2)
        let sig = SettleTracker.Signature(size: 10, modified: 1)
        XCTAssertEqual(tracker.observe([(a, sig)], at: 100), [])
        XCTAssertEqual(tracker.observe([(a, sig)], at: 101.9), [])
        XCTAssertEqual(tracker.observe([(a, sig)], at: 102), [a])
    }

    func testAGrowingFileNeverSettles() {
        var tracker = SettleTracker(settleSeconds: 1)
        for step in 0..<10 {
            let sig = SettleTracker.Signature(size: 10 * (step + 1), modified: Int64(step))
            XCTAssertEqual(tracker.observe([(a, sig)], at: Double(step) * 0.3), [], "step \(step)")
        }
        let last = SettleTracker.Signature(size: 100, modified: 9)
        XCTAssertEqual(tracker.observe([(a, last)], at: 3.5), [], "unchanged only since 2.7")
        XCTAssertEqual(tracker.observe([(a, last)], at: 3.75), [a], "unchanged for a second")
    }

    func testTouchingAFileRestartsTheWait() {
        var tracker = SettleTracker(settleSeconds: 1)
        _ = tracker.observe([(a, .init(size: 5, modified: 1))], at: 0)
        XCTAssertEqual(tracker.observe([(a, .init(size: 5, modified: 2))], at: 0.9), [])
        XCTAssertEqual(tracker.observe([(a, .init(size: 5, modified: 2))], at: 1.5), [])
        XCTAssertEqual(tracker.observe([(a, .init(size: 5, modified: 2))], at: 2.0), [a])
    }

    func testAReplacedFileIsNew() {
        var tracker = SettleTracker(settleSeconds: 1)
        _ = tracker.observe([(a, .init(size: 5, modified: 1, inode: 7))], at: 0)
        XCTAssertEqual(tracker.observe([(a, .init(size: 5, modified: 1, inode: 8))], at: 1), [], "same size and time, other inode")
    }

    func testZeroSettleTakesAtOnceAndOldestFirst() {
        var tracker = SettleTracker(settleSeconds: 0)
        _ = tracker.observe([(b, .init(size: 1, modified: 1))], at: 0)
        XCTAssertEqual(tracker.observe([(a, .init(size: 1, modified: 1)), (b, .init(size: 1, modified: 1))], at: 1), [b, a])
    }

    func testVanishedFilesAreForgotten() {
        var tracker = SettleTracker(settleSeconds: 1)
        _ = tracker.observe([(a, .init(size: 1, modified: 1))], at: 0)
        _ = tracker.observe([], at: 0.5)
        XCTAssertEqual(tracker.count, 0)
        XCTAssertEqual(tracker.observe([(a, .init(size: 1, modified: 1))], at: 1.2), [], "the wait starts again")
    }

    func testSecondsUntilNextSettles() {
        var tracker = SettleTracker(settleSeconds: 2)
        XCTAssertNil(tracker.secondsUntilNextSettles(at: 0))
        _ = tracker.observe([(a, .init(size: 1, modified: 1))], at: 10)
        XCTAssertEqual(tracker.secondsUntilNextSettles(at: 10.5) ?? -1, 1.5, accuracy: 1e-9)
    }
}
