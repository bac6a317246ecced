/// Sorts a school year's accounts for compaction: by key, then by digits (`mark >> 1`), as
/// `SchoolYearAccounts` keeps them. A least-significant-digit radix sort, one byte a pass, each
/// pass stable, so the last pass (the key's top byte) leaves them in key order and equal keys
/// in digit order. Why not `sort(by:)`: with a tuple comparator it was 8% of a 10^6-row build's
/// instructions (callgrind); these passes are linear. One walk counts every pass's byte values
/// first; a pass whose byte is the same for every account moves nothing and is skipped.
enum AccountRadixSort {
    /// Pass 0 orders by digits; passes 1...8 by the key's bytes, lowest first.
    private static let passes = 9

    static func sort(keys: inout [UInt64], marks: inout [UInt8]) {
        let count = keys.count
        guard count > 1 else { return }
        var counts = [Int](repeating: 0, count: passes * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            for index in 0..<count {
                let key = keys[index]
                counts[Int(marks[index] >> 1)] += 1
                for pass in 1..<passes { counts[pass * 256 + Int(byte(pass, key, 0))] += 1 }
            }
        }
        var otherKeys = [UInt64](repeating: 0, count: count)
        var otherMarks = [UInt8](repeating: 0, count: count)
        for pass in 0..<passes {
            var starts = [Int](repeating: 0, count: 256)
            var total = 0
            var oneBucket = false
            for value in 0..<256 {
                let inBucket = counts[pass * 256 + value]
                if inBucket == count { oneBucket = true; break }
                starts[value] = total
                total += inBucket
            }
            if oneBucket { continue }
            keys.withUnsafeBufferPointer { keys in
                marks.withUnsafeBufferPointer { marks in
                    otherKeys.withUnsafeMutableBufferPointer { otherKeys in
                        otherMarks.withUnsafeMutableBufferPointer { otherMarks in
                            for index in 0..<count {
                                let bucket = Int(byte(pass, keys[index], marks[index]))
                                otherKeys[starts[bucket]] = keys[index]
                                otherMarks[starts[bucket]] = marks[index]
                                starts[bucket] += 1
                            }
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            swap(&marks, &otherMarks)
        }
    }

    @inline(__always)
    private static func byte(_ pass: Int, _ key: UInt64, _ mark: UInt8) -> UInt8 {
        pass == 0 ? mark >> 1 : UInt8(truncatingIfNeeded: key >> UInt64(8 * (pass - 1)))
    }
}
