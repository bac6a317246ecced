/// How a count is published.
public enum CountState: Sendable, Hashable {
    case shown
    /// From 1 to threshold - 1: "fewer than k".
    case small
    /// Hidden so that no hidden count can be worked out: "not shown".
    case secondary
}

/// Small-count protection for one complete period: a total and the ways it is split into
/// parts (a school year's incidents are split by month and by kind of content; its recorded
/// times into within and over 24 hours). Each part belongs to one split only, so the reader's
/// whole knowledge of the period is this one small system, and which figures it pins is
/// worked out exactly, with integer ranges, not by elimination in floating point:
///
/// - a shown figure is known; "fewer than k" is 1 to k-1; "not shown" is at least 1 (a zero
///   is always shown as 0);
/// - the parts of one split, each within its range, add up to any whole number between the
///   sums of their least and greatest values, so the total can be any number in its own range
///   and in every split's; and a part can be any number its own range allows that leaves the
///   others of its split able to make up the rest.
///
/// A hidden figure is pinned when its range holds one number. Cells settled in an earlier
/// release (`isFixed`, such as the months of a year, published as each month closed) never
/// change: only this period's own cells are hidden further to protect them.
struct SharedTotalProtection: Sendable, Hashable {
    struct Cell: Sendable, Hashable {
        var value: Int
        var state: CountState
        var isFixed = false
    }

    /// Which figure: the total, or part `part` of split `split`.
    enum Position: Sendable, Hashable {
        case total
        case part(split: Int, part: Int)
    }

    var threshold: Int
    var total: Cell
    var splits: [[Cell]]
    /// Splits published as "not shown" whole, zeros included: they tell a reader nothing.
    var withheld: Set<Int> = []

    /// The least and greatest value a reader can give a figure on its own; nil is unbounded.
    func range(of cell: Cell) -> (low: Int, high: Int?) {
        switch cell.state {
        case .shown: (cell.value, cell.value)
        case .small: (1, threshold - 1)
        case .secondary: (1, nil)
        }
    }

    /// The values the total can take given every split.
    func totalRange() -> (low: Int, high: Int?) {
        var (low, high) = range(of: total)
        for (index, split) in splits.enumerated() where !withheld.contains(index) {
            let ranges = split.map(range(of:))
            low = max(low, ranges.reduce(0) { $0 + $1.low })
            let highs = ranges.map(\.high)
            if !highs.contains(nil) {
                let sum = highs.reduce(0) { $0 + $1! }
                high = high.map { min($0, sum) } ?? sum
            }
        }
        return (low, high)
    }

    /// Every hidden figure whose value follows from what is published.
    func pinned() -> [Position] {
        let totals = totalRange()
        var result: [Position] = []
        if total.state != .shown, totals.low == totals.high { result.append(.total) }
        for (s, split) in splits.enumerated() where !withheld.contains(s) {
            let ranges = split.map(range(of:))
            let lowSum = ranges.reduce(0) { $0 + $1.low }
            let unboundedCount = ranges.filter { $0.high == nil }.count
            let highSum = ranges.reduce(0) { $0 + ($1.high ?? 0) }
            for (p, cell) in split.enumerated() where cell.state != .shown {
                let own = ranges[p]
                // The others' greatest sum is unbounded if any other is.
                let othersUnbounded = unboundedCount - (own.high == nil ? 1 : 0) > 0
                let othersHigh = highSum - (own.high ?? 0)
                let othersLow = lowSum - own.low
                let low = othersUnbounded || totals.low - othersHigh < own.low ? own.low : totals.low - othersHigh
                var high = own.high
                if let totalHigh = totals.high { high = min(high ?? Int.max, totalHigh - othersLow) }
                if high == low { result.append(.part(split: s, part: p)) }
            }
        }
        return result
    }

    subscript(position: Position) -> Cell {
        get {
            switch position {
            case .total: total
            case .part(let s, let p): splits[s][p]
            }
        }
        set {
            switch position {
            case .total: total = newValue
            case .part(let s, let p): splits[s][p] = newValue
            }
        }
    }

    /// Hides this period's small figures, then further ones until nothing hidden is pinned:
    /// each step takes the change that leaves the fewest figures pinned, preferring to call a
    /// "fewer than k" figure "not shown" (no more hidden), then hiding the smallest part, then
    /// the total. Should that not be enough, a split is withheld whole.
    mutating func protect() {
        for position in positions where !self[position].isFixed {
            let value = self[position].value
            self[position].state = (1..<max(1, threshold)).contains(value) ? .small : .shown
        }
        while !pinned().isEmpty {
            guard let next = candidates().min(by: { $0.rank.lexicographicallyPrecedes($1.rank) }) else {
                withholdSplits()
                break
            }
            self = next.protection
        }
        showWhatIsKnownAnyway()
    }

    /// A figure hidden only to protect others, yet pinned by figures settled earlier (a total
    /// that its shown months add up to), tells a reader nothing new when shown: show it.
    private mutating func showWhatIsKnownAnyway() {
        while let known = pinned().first(where: { !self[$0].isFixed && self[$0].state == .secondary && !(1..<threshold).contains(self[$0].value) }) {
            self[known].state = .shown
        }
    }

    private var positions: [Position] {
        [.total] + splits.indices.flatMap { s in splits[s].indices.map { Position.part(split: s, part: $0) } }
    }

    /// Each single change still open to this period, with how good it is (lower is better).
    private func candidates() -> [(rank: [Int], protection: SharedTotalProtection)] {
        positions.compactMap { position in
            let cell = self[position]
            guard !cell.isFixed else { return nil }
            let kind: Int
            switch cell.state {
            case .small: kind = 0
            case .shown where cell.value > 0: kind = position == .total ? 2 : 1
            default: return nil
            }
            var changed = self
            changed[position].state = .secondary
            return ([changed.pinned().count, kind, cell.value, positions.firstIndex(of: position) ?? 0], changed)
        }
    }

    /// The last resort: every split holding a pinned figure is published as "not shown" whole,
    /// zeros included, and so is the total.
    private mutating func withholdSplits() {
        for position in pinned() {
            if case .part(let s, _) = position, !splits[s].contains(where: \.isFixed) { withheld.insert(s) }
        }
        // A pinned fixed part (a month) is protected by withholding every split of new cells.
        if pinned().contains(where: { if case .part(let s, _) = $0 { splits[s].contains(where: \.isFixed) } else { false } }) {
            for s in splits.indices where !splits[s].contains(where: \.isFixed) { withheld.insert(s) }
        }
        for s in withheld { for p in splits[s].indices { splits[s][p].state = .secondary } }
        if !total.isFixed, total.value > 0 { total.state = .secondary }
    }
}
