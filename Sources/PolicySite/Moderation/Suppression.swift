/// Small-count protection for a set of counts tied together by published sums.
///
/// Primary suppression hides every count from 1 to `threshold - 1`. Secondary suppression then
/// hides further counts, smallest first, until no hidden count can be worked out from the
/// shown ones: for each hidden cell it checks whether the cell is determined by the sums (it
/// lies in the row space of the sum equations restricted to hidden cells), which covers
/// subtracting from a row or column total and any combination of such subtractions. A zero is
/// always shown as zero.
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
        /// Hidden so that a small count cannot be worked out by subtraction.
        case secondary
        /// Never published at all (a part of a sum that no table shows).
        case unpublished
    }

    public var values: [Int]
    public var sums: [Sum]
    /// Cells that exist in a sum but are not published, such as months outside the report.
    public var unpublished: Set<Int>

    public init(values: [Int], sums: [Sum], unpublished: Set<Int> = []) {
        self.values = values
        self.sums = sums
        self.unpublished = unpublished
    }

    /// The state of every cell once primary and secondary suppression are done.
    public func apply(threshold: Int) -> [State] {
        var states = values.indices.map { index -> State in
            if unpublished.contains(index) { return .unpublished }
            return (1..<max(1, threshold)).contains(values[index]) ? .small : .shown
        }
        let sumsOfCell = cellSums()
        while let exposed = Self.recoverableCells(hidden: Set(states.indices.filter { states[$0] != .shown }), sums: sums, cellCount: values.count)
            .first(where: { states[$0] != .unpublished }) ?? boundedCells(states: states, threshold: threshold).first {
            guard let extra = nextCellToHide(protecting: exposed, states: states, sumsOfCell: sumsOfCell) else { break }
            states[extra] = .secondary
        }
        return states
    }

    /// The smallest shown non-zero cell that shares a sum with `cell`, preferring parts over totals
    /// so that totals stay visible; failing that, any shown non-zero cell in any sum.
    private func nextCellToHide(protecting cell: Int, states: [State], sumsOfCell: [[Int]]) -> Int? {
        let totals = Set(sums.map(\.total))
        func best(_ candidates: some Sequence<Int>) -> Int? {
            candidates.filter { states[$0] == .shown && values[$0] > 0 }
                .min { (totals.contains($0) ? 1 : 0, values[$0], $0) < (totals.contains($1) ? 1 : 0, values[$1], $1) }
        }
        let neighbours = sumsOfCell[cell].flatMap { [sums[$0].total] + sums[$0].parts }
        return best(neighbours) ?? best(sums.flatMap { [$0.total] + $0.parts })
    }

    /// Small cells whose value follows from bounds rather than equations: a reader knows each
    /// "fewer than k" cell lies from 1 to k-1 and every other hidden cell is at least 0, so when
    /// a shown total leaves exactly one per small cell (or, with only small cells hidden,
    /// exactly k-1 each) every one of them is known.
    func boundedCells(states: [State], threshold: Int) -> [Int] {
        var found: [Int] = []
        for sum in sums where states[sum.total] == .shown {
            let hidden = sum.parts.filter { states[$0] != .shown }
            let small = hidden.filter { states[$0] == .small }
            guard !small.isEmpty else { continue }
            let rest = sum.parts.filter { states[$0] == .shown }.reduce(0) { $0 + values[$1] }
            let hiddenTotal = values[sum.total] - rest
            let onlySmall = small.count == hidden.count
            if hiddenTotal <= small.count || (onlySmall && hiddenTotal >= small.count * (threshold - 1)) {
                found.append(contentsOf: small)
            }
        }
        return found
    }

    private func cellSums() -> [[Int]] {
        var result = Array(repeating: [Int](), count: values.count)
        for (index, sum) in sums.enumerated() {
            for cell in Set([sum.total] + sum.parts) { result[cell].append(index) }
        }
        return result
    }

    /// The hidden cells whose value follows from the shown cells and the sums, by any linear
    /// combination of the equations (Gaussian elimination over the hidden cells).
    public static func recoverableCells(hidden: Set<Int>, sums: [Sum], cellCount: Int) -> [Int] {
        let columns = hidden.sorted()
        guard !columns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var rows: [[Double]] = sums.compactMap { sum in
            var row = Array(repeating: 0.0, count: columns.count)
            if let c = column[sum.total] { row[c] += 1 }
            for part in sum.parts { if let c = column[part] { row[c] -= 1 } }
            return row.contains { $0 != 0 } ? row : nil
        }
        // Reduced row echelon form.
        var pivots: [(row: Int, column: Int)] = []
        var top = 0
        for c in columns.indices where top < rows.count {
            guard let pivot = (top..<rows.count).max(by: { abs(rows[$0][c]) < abs(rows[$1][c]) }), abs(rows[pivot][c]) > 1e-9 else { continue }
            rows.swapAt(top, pivot)
            let scale = rows[top][c]
            rows[top] = rows[top].map { $0 / scale }
            for r in rows.indices where r != top && abs(rows[r][c]) > 1e-9 {
                let factor = rows[r][c]
                for k in columns.indices { rows[r][k] -= factor * rows[top][k] }
            }
            pivots.append((top, c))
            top += 1
        }
        // A cell is determined when its unit vector reduces to zero against the echelon rows.
        return columns.indices.compactMap { c in
            var vector = Array(repeating: 0.0, count: columns.count)
            vector[c] = 1
            for (row, pivotColumn) in pivots where abs(vector[pivotColumn]) > 1e-9 {
                let factor = vector[pivotColumn]
                for k in columns.indices { vector[k] -= factor * rows[row][k] }
            }
            return vector.allSatisfy { abs($0) < 1e-9 } ? columns[c] : nil
        }
    }
}
