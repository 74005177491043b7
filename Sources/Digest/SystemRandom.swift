internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// Random bytes for secrets (registration tokens) from the system CSPRNG, getrandom(2). There is no
/// fallback to the clock or the process id: when the kernel cannot supply them, this throws.
public enum SystemRandom {
    /// `count` bytes from getrandom(2); blocks only until the kernel's pool is first initialised.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        try out.withUnsafeMutableBytes { buffer in
            while filled < count {
                let n = getrandom(buffer.baseAddress! + filled, count - filled, 0)
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw SystemRandomError(errno: code)
                }
                filled += n
            }
        }
        return out
    }
}

/// The system CSPRNG could not supply random bytes.
public struct SystemRandomError: Error, CustomStringConvertible, Sendable {
    public var errno: Int32
    public var description: String {
        "the system's random number generator is unavailable (getrandom: \(String(cString: strerror(errno)))); no secret can be made"
    }
}

/// URL-safe base64 without padding (RFC 4648 §5), as registration links carry tokens.
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        while i + 3 <= bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(v >> 18 & 63)], alphabet[Int(v >> 12 & 63)], alphabet[Int(v >> 6 & 63)], alphabet[Int(v & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let v = UInt32(bytes[i]) << 16
            out += [alphabet[Int(v >> 18 & 63)], alphabet[Int(v >> 12 & 63)]]
        } else if rest == 2 {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(v >> 18 & 63)], alphabet[Int(v >> 12 & 63)], alphabet[Int(v >> 6 & 63)]]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
