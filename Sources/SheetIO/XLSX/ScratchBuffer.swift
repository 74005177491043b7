#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer reused for every cell's text, so collecting text costs a `memcpy`
/// and nothing else (no copy-on-write checks, no per-cell allocation).
final class ScratchBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func reset() { count = 0 }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        memcpy(base + count, src, bytes.count)
        count += bytes.count
    }

    private func grow(to needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let n = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        n.update(from: base, count: count)
        base.deallocate()
        base = n
        capacity = c
    }

    @inline(__always)
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
