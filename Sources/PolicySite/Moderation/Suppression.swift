/// Small-count protection for a set of counts tied together by published sums.
///
/// Primary suppression hides every count from 1 to `threshold - 1`. Secondary suppression then
/// hides further counts, smallest first, until no hidden count can be worked out from the
/// shown ones: neither by any linear combination of the sums (exact integer elimination over the
/// hidden cells), nor by the bounds a reader knows (a "fewer than k" count is 1 to k-1, every
/// count is at least 0). A zero is always shown as zero.
///
/// Cells in `fixed` were settled before (an earlier school year, or an earlier report) and keep
/// their state: only the other cells may be hidden, so a run can add a period to a table that
/// was already published without changing what was published.
public struct Suppression: Sendable {
    /// One published equation: `total` equals the sum of `parts` (indices of cells).
    public struct Sum: Sendable, Hashable {
        public var total: Int
        public var parts: [Int]

        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    public enum State: Sendable, Hashable {
        case shown
        /// From 1 to threshold - 1.
        case small
        /// Hidden so that a small count cannot be worked out by subtraction. A reader knows only
        /// that it is at least 0 (a small count that bounds alone would give away reads so too).
        case secondary
        /// Never published at all (a part of a sum that no table shows).
        case unpublished
    }

    public var values: [Int]
    public var sums: [Sum]
    /// Cells that exist in a sum but are not published, such as months outside the report.
    public var unpublished: Set<Int>
    /// Cells whose state was settled earlier and may not change.
    public var fixed: [Int: State]

    public init(values: [Int], sums: [Sum], unpublished: Set<Int> = [], fixed: [Int: State] = [:]) {
        self.values = values
        self.sums = sums
        self.unpublished = unpublished
        self.fixed = fixed
    }

    /// The state of every cell once primary and secondary suppression are done.
    public func apply(threshold: Int) -> [State] {
        let smallRange = 1..<max(1, threshold)
        var states = values.indices.map { index -> State in
            if let state = fixed[index] { return state }
            if unpublished.contains(index) { return .unpublished }
            return smallRange.contains(values[index]) ? .small : .shown
        }
        let open = values.indices.filter { fixed[$0] == nil && !unpublished.contains($0) }
        let openSet = Set(open)
        let sumsOfCell = cellSums()
        let totals = Set(sums.map(\.total))
        while let exposed = exposedCells(states: states, threshold: threshold).first {
            let neighbours = Set(sumsOfCell[exposed].flatMap { [sums[$0].total] + sums[$0].parts })
            let inSums = Set(sums.flatMap { [$0.total] + $0.parts })
            func ranked(_ cells: Set<Int>, _ key: (Int) -> (Int, Int, Int)) -> [Int] {
                cells.sorted { let (a, b) = (key($0), key($1)); return (a.0, a.1, a.2, $0) < (b.0, b.1, b.2, $1) }
            }
            // A small count of this run read "not shown" tells a reader no upper bound: when that
            // alone protects the exposed cell, it costs no extra hidden number.
            let relabels = ranked(inSums.filter { states[$0] == .small && openSet.contains($0) }) { (neighbours.contains($0) ? 0 : 1, $0, 0) }
            if let relabel = relabels.first(where: { cell in
                var trial = states
                trial[cell] = .secondary
                return !exposedCells(states: trial, threshold: threshold).contains(exposed)
            }) {
                states[relabel] = .secondary
                continue
            }
            // Otherwise hide a shown count of this run: beside it first, parts before totals,
            // smallest first; best one that protects it without being given away itself.
            let candidates = ranked(inSums.filter { states[$0] == .shown && values[$0] > 0 && openSet.contains($0) }) {
                (neighbours.contains($0) ? 0 : 1, totals.contains($0) ? 1 : 0, values[$0])
            }
            var protects: Int?, notGivenAway: Int?
            for cell in candidates {
                var trial = states
                trial[cell] = .secondary
                let after = exposedCells(states: trial, threshold: threshold)
                let fixes = !after.contains(exposed), safe = !after.contains(cell)
                if fixes && safe { protects = cell; break }
                if fixes && protects == nil { protects = cell }
                if safe && notGivenAway == nil { notGivenAway = cell }
            }
            if let extra = protects ?? notGivenAway ?? candidates.first {
                states[extra] = .secondary
                continue
            }
            if states[exposed] == .small, openSet.contains(exposed) {
                states[exposed] = .secondary
                if !exposedCells(states: states, threshold: threshold).contains(exposed) { continue }
            }
            // Nothing of this run can help: what was settled before was safe on its own.
            for cell in open where states[cell] == .shown && values[cell] > 0 { states[cell] = .secondary }
            break
        }
        // Cells hidden on the way may have become unnecessary: show each again, largest first,
        // when nothing becomes recoverable without it.
        for cell in open.filter({ states[$0] == .secondary && !smallRange.contains(values[$0]) }).sorted(by: { (values[$0], $0) > (values[$1], $1) }) {
            states[cell] = .shown
            if !exposedCells(states: states, threshold: threshold).isEmpty { states[cell] = .secondary }
        }
        return states
    }

    /// Hidden, published cells that the shown ones give away, by sums (exact) or by bounds, in order.
    func exposedCells(states: [State], threshold: Int) -> [Int] {
        let hidden = Set(states.indices.filter { states[$0] != .shown })
        let linear = Self.recoverableCells(hidden: hidden, sums: sums, cellCount: values.count).filter { states[$0] != .unpublished }
        return Array(Set(linear).union(pinnedCells(states: states, threshold: threshold))).sorted()
    }

    /// Hidden cells whose value follows from bounds: a reader knows each "fewer than k" cell lies
    /// from 1 to k-1 and every other hidden cell is at least 0. Each sum narrows the range of its
    /// total and of each part; ranges are narrowed sum by sum until nothing changes, and a hidden
    /// cell whose range is a single number is known. (Published cells are exact.)
    func pinnedCells(states: [State], threshold: Int) -> [Int] {
        let infinity = Int.max / 4
        var low = values.indices.map { states[$0] == .shown ? values[$0] : states[$0] == .small ? 1 : 0 }
        var high = values.indices.map { states[$0] == .shown ? values[$0] : states[$0] == .small ? threshold - 1 : infinity }
        func add(_ a: Int, _ b: Int) -> Int { min(infinity, a + b) }
        var changed = true
        var rounds = 0
        while changed && rounds < 64 {
            changed = false
            rounds += 1
            for sum in sums {
                let partsLow = sum.parts.reduce(0) { add($0, low[$1]) }
                let partsHigh = sum.parts.reduce(0) { add($0, high[$1]) }
                if partsLow > low[sum.total] { low[sum.total] = partsLow; changed = true }
                if partsHigh < high[sum.total] { high[sum.total] = partsHigh; changed = true }
                for part in sum.parts {
                    let othersLow = partsLow - low[part]
                    let othersHigh = partsHigh >= infinity ? infinity : partsHigh - high[part]
                    if high[sum.total] < infinity, high[sum.total] - othersLow < high[part] { high[part] = high[sum.total] - othersLow; changed = true }
                    if othersHigh < infinity, low[sum.total] - othersHigh > low[part] { low[part] = low[sum.total] - othersHigh; changed = true }
                }
            }
        }
        return values.indices.filter { states[$0] != .shown && states[$0] != .unpublished && low[$0] == high[$0] }
    }

    /// Small cells whose value follows from bounds (kept for callers of the single-sum rule).
    func boundedCells(states: [State], threshold: Int) -> [Int] {
        pinnedCells(states: states, threshold: threshold).filter { states[$0] == .small }
    }

    private func cellSums() -> [[Int]] {
        var result = Array(repeating: [Int](), count: values.count)
        for (index, sum) in sums.enumerated() {
            for cell in Set([sum.total] + sum.parts) { result[cell].append(index) }
        }
        return result
    }

    /// The hidden cells whose value follows from the shown cells and the sums, by any linear
    /// combination of the equations. Exact: fraction-free Gauss–Jordan elimination on integers,
    /// one connected group of hidden cells at a time. Should a coefficient ever overflow 64 bits,
    /// every hidden cell of that group counts as recoverable, so the caller hides more.
    public static func recoverableCells(hidden: Set<Int>, sums: [Sum], cellCount: Int) -> [Int] {
        guard !hidden.isEmpty else { return [] }
        // Group hidden cells that share an equation (union-find), so each elimination stays small.
        var parent = Dictionary(uniqueKeysWithValues: hidden.map { ($0, $0) })
        func root(_ cell: Int) -> Int {
            var cell = cell
            while let up = parent[cell], up != cell {
                parent[cell] = parent[up]
                cell = up
            }
            return cell
        }
        let equations = sums.map { sum in ([sum.total] + sum.parts).filter(hidden.contains) }
        for cells in equations where cells.count > 1 {
            let first = root(cells[0])
            for cell in cells.dropFirst() {
                let other = root(cell)
                if other != first { parent[other] = first }
            }
        }
        var groups: [Int: [Int]] = [:]
        for cell in hidden.sorted() { groups[root(cell), default: []].append(cell) }
        var equationsOfGroup: [Int: [Int]] = [:]
        for (index, cells) in equations.enumerated() where !cells.isEmpty { equationsOfGroup[root(cells[0]), default: []].append(index) }

        var found: [Int] = []
        for (key, columns) in groups.sorted(by: { $0.key < $1.key }) {
            let column = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            let rows: [[Int64]] = (equationsOfGroup[key] ?? []).map { index in
                var row = Array(repeating: Int64(0), count: columns.count)
                if let c = column[sums[index].total] { row[c] += 1 }
                for part in sums[index].parts { if let c = column[part] { row[c] -= 1 } }
                return row
            }
            guard let determined = ExactElimination.determinedColumns(rows: rows, columnCount: columns.count) else {
                found.append(contentsOf: columns)
                continue
            }
            found.append(contentsOf: columns.indices.filter { determined[$0] }.map { columns[$0] })
        }
        return found.sorted()
    }
}
