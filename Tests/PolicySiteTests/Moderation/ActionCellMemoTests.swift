import Testing
@testable import PolicySite

/// Read through the memo, an actions cell gives what the rule gives, however many cells share
/// a slot and whichever came last.
@Suite struct ActionCellMemoTests {
    @Test func aRememberedCellGivesTheRulesSetAndNoOtherCellDoes() {
        let keys = KeyTable(["removed", "blocked", "reported-platform", "reported-authority", "esafety-notified"])
        var random = SplitMix(seed: 45)
        // 60 cells for 16 slots: slots are shared and cells evict one another.
        let cells: [[UInt8]] = (0..<60).map { _ in
            let pieces = (0...(random.next() % 4)).map { _ in keys.names[Int(random.next() % 5)] }
            var text = pieces.joined(separator: random.next() % 2 == 0 ? ";" : "; ")
            if random.next() % 5 == 0 { text += "x" } // now unknown, refused by the rule
            return Array(text.utf8)
        }
        var memo = ActionCellMemo()
        var hits = 0
        for _ in 0..<20_000 {
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            cell.withUnsafeBufferPointer { cell in
                let rule = ModerationLogRules.actions(cell, keys: keys)
                if let remembered = memo.set(for: cell) {
                    hits += 1
                    #expect(rule == .success(remembered), "\(String(decoding: cell, as: UTF8.self))")
                } else if case .success(let set) = rule {
                    memo.remember(set, for: cell)
                }
            }
        }
        #expect(hits > 5_000)
    }
}
