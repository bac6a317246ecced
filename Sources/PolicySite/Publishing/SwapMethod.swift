import CAtomicSwap
import Foundation

/// How a new site takes the old one's place.
public enum SwapMethod: Sendable, Equatable {
    /// One atomic exchange of the two folders: Linux `renameat2(RENAME_EXCHANGE)`, macOS
    /// `renamex_np(RENAME_SWAP)`. Where the system or file system has none, `.renames` is used.
    case exchange
    /// Two renames, the old site aside and the new one in: for systems without an exchange.
    /// A build killed between them leaves both sites beside the output; the next build (even
    /// one that is then refused) finishes the publish. `pause` seconds are waited between the
    /// two renames, so a test can kill the build exactly there.
    case renames(pause: Double)

    /// `.exchange`, unless the environment variable `POLICYSITE_SWAP` (for tests) says
    /// `renames` or `renames-pause=SECONDS`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SwapMethod {
        guard let value = environment["POLICYSITE_SWAP"] else { return .exchange }
        if value == "renames" { return .renames(pause: 0) }
        if value.hasPrefix("renames-pause="), let seconds = Double(value.dropFirst("renames-pause=".count)) { return .renames(pause: seconds) }
        return .exchange
    }

    /// Exchanges two paths in one step; 0, or the errno of the failure (ENOSYS and EINVAL where
    /// the system or the file system cannot).
    static func exchange(_ first: String, _ second: String) -> Int32 {
        #if os(macOS)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
        #else
        return policysite_exchange_paths(first, second) == 0 ? 0 : errno
        #endif
    }

    /// True for the failures that mean "no exchange here", after which the renames are used.
    static func isUnsupported(_ code: Int32) -> Bool {
        code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP
    }
}
