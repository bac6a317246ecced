import Testing
@testable import PolicySite

/// Read through the memo, a date cell gives what the rule gives: the memo answers only for the
/// very bytes it was given last, whatever their length, and never for a cell one byte off.
@Suite struct DateCellMemoTests {
    @Test func onlyTheLastCellsBytesGiveTheRememberedDay() {
        let latest = CalendarDay(year: 2026, month: 11, day: 24)!
        var random = SplitMix(seed: 46)
        var memo = DateCellMemo()
        var hits = 0
        var previous = Array("2016-09-01".utf8)
        for _ in 0..<20_000 {
            var cell = previous
            switch random.next() % 6 {
            case 0: cell = Array("2016-09-0\(1 + random.next() % 9)".utf8)
            case 1: cell[Int(random.next() % UInt64(cell.count))] = UInt8(truncatingIfNeeded: 0x2D + random.next() % 14)
            case 2: cell = Array("2016-09-01T10:0\(random.next() % 10)".utf8) // 16 bytes
            case 3: cell = Array("2016-09-01 ".utf8) // a blank after: 11 bytes
            default: break // the same bytes again
            }
            cell.withUnsafeBufferPointer { cell in
                let rule = ModerationLogRules.date(cell, latest: latest)
                if let remembered = memo.day(for: cell) {
                    hits += 1
                    #expect(rule == .success(remembered), "\(String(decoding: cell, as: UTF8.self))")
                } else if case .success(let day) = rule {
                    memo.remember(day, for: cell)
                }
            }
            previous = cell
        }
        #expect(hits > 5_000)
    }
}
