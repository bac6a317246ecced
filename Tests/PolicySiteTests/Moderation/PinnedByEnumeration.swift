@testable import PolicySite

/// An independent check of `SharedTotalProtection.pinned()`: instead of its interval rules, it
/// lists every whole-number value a reader could give each hidden figure, trying every total and,
/// for each split, every value of a part against every sum the split's other parts can make.
/// Values are capped well above anything the figures allow, so a capped search that finds two
/// values has found two real ones.
enum PinnedByEnumeration {
    static func pinned(_ group: SharedTotalProtection) -> Set<SharedTotalProtection.Position> {
        let k = group.threshold
        let cells = [group.total] + group.splits.flatMap { $0 }
        let cap = cells.reduce(0) { $0 + $1.value } + k * cells.count + 2
        func values(_ cell: SharedTotalProtection.Cell) -> ClosedRange<Int> {
            switch cell.state {
            case .shown: cell.value...cell.value
            case .small: 1...max(1, k - 1)
            case .secondary: 1...cap
            }
        }
        /// Every sum the given cells can make.
        func sums(_ cells: [SharedTotalProtection.Cell]) -> Set<Int> {
            var reachable: Set<Int> = [0]
            for cell in cells {
                var next: Set<Int> = []
                for sum in reachable { for v in values(cell) where sum + v <= cap { next.insert(sum + v) } }
                reachable = next
            }
            return reachable
        }
        var seen: [SharedTotalProtection.Position: Set<Int>] = [:]
        let active = group.splits.indices.filter { !group.withheld.contains($0) }
        for total in values(group.total) {
            // The total is possible when every split can make it.
            guard active.allSatisfy({ sums(group.splits[$0]).contains(total) }) else { continue }
            seen[.total, default: []].insert(total)
            for s in active {
                let split = group.splits[s]
                for p in split.indices {
                    var others = split
                    others.remove(at: p)
                    let rest = sums(others)
                    for v in values(split[p]) where rest.contains(total - v) {
                        seen[.part(split: s, part: p), default: []].insert(v)
                    }
                }
            }
        }
        var result: Set<SharedTotalProtection.Position> = []
        if group.total.state != .shown, seen[.total, default: []].count == 1 { result.insert(.total) }
        for s in active {
            for p in group.splits[s].indices where group.splits[s][p].state != .shown {
                if seen[.part(split: s, part: p), default: []].count == 1 { result.insert(.part(split: s, part: p)) }
            }
        }
        return result
    }
}

