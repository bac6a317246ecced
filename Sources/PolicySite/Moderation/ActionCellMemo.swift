#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The actions cells the fast lane has read, each with its set of actions. A log repeats a few
/// combinations ("removed;blocked") on every row, so most cells are found here by one `memcmp`
/// instead of being split at `;` and looked up piece by piece (which was a fifth of a 10^6-row
/// build's instructions, callgrind). Exact: a hit has the same bytes, and `ModerationLogRules.actions`
/// is a function of the bytes alone. A cell is looked for in four slots from its own; when all
/// four are taken, a new cell replaces the one in its own slot.
struct ActionCellMemo {
    private static let slotCount = 16
    private static let probes = 4
    /// Longer cells are not kept (all five of the example site's actions in one cell take 69 bytes).
    private static let width = 96
    private var bytes = [UInt8](repeating: 0, count: slotCount * width)
    private var lengths = [Int](repeating: -1, count: slotCount)
    private var sets = [UInt64](repeating: 0, count: slotCount)

    /// The set remembered for exactly these bytes.
    func set(for cell: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = cell.baseAddress, !cell.isEmpty else { return nil }
        let first = Self.slot(cell)
        for probe in 0..<Self.probes {
            let slot = (first + probe) % Self.slotCount
            if lengths[slot] == -1 { return nil }
            guard lengths[slot] == cell.count else { continue }
            let same = bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + slot * Self.width, base, cell.count) == 0 }
            if same { return sets[slot] }
        }
        return nil
    }

    mutating func remember(_ set: UInt64, for cell: UnsafeBufferPointer<UInt8>) {
        guard let base = cell.baseAddress, !cell.isEmpty, cell.count <= Self.width else { return }
        let first = Self.slot(cell)
        let free = (0..<Self.probes).lazy.map { (first + $0) % Self.slotCount }.first { self.lengths[$0] == -1 }
        let slot = free ?? first
        bytes.withUnsafeMutableBufferPointer { bytes in
            (bytes.baseAddress! + slot * Self.width).update(from: base, count: cell.count)
        }
        lengths[slot] = cell.count
        sets[slot] = set
    }

    /// From the length and the first, middle and last bytes (cells of one length differ there).
    @inline(__always)
    private static func slot(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
        let count = cell.count
        let mixed = UInt64(count) | UInt64(cell[0]) << 8 | UInt64(cell[count / 2]) << 16 | UInt64(cell[count - 1]) << 24
        return Int((mixed &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }
}
