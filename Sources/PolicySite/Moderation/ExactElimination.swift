/// Fraction-free Gauss–Jordan elimination on integer rows: which unknowns a set of equations
/// fixes. No rounding and no tolerance: every row stays integer, divided by the greatest common
/// divisor of its entries after each step so the numbers stay small (on the report's sums, whose
/// coefficients are 0, 1 and -1, they stay within a few units).
enum ExactElimination {
    /// For each column, whether the equations (rows, each `row · x = known`) determine that
    /// unknown: true exactly when its unit vector lies in the row space. Nil if a coefficient
    /// would overflow 64 bits.
    static func determinedColumns(rows input: [[Int64]], columnCount: Int) -> [Bool]? {
        var rows = input.filter { $0.contains { $0 != 0 } }
        var pivotRow = Array(repeating: -1, count: columnCount)
        var top = 0
        for c in 0..<columnCount where top < rows.count {
            guard let p = (top..<rows.count).first(where: { rows[$0][c] != 0 }) else { continue }
            rows.swapAt(top, p)
            for r in rows.indices where r != top && rows[r][c] != 0 {
                let a = rows[top][c], b = rows[r][c]
                let g = gcd(a, b)
                let (ma, mb) = (a / g, b / g)
                // rows[r] = rows[r] * ma - rows[top] * mb, which clears column c.
                for k in 0..<columnCount where rows[r][k] != 0 || rows[top][k] != 0 {
                    let (x, o1) = rows[r][k].multipliedReportingOverflow(by: ma)
                    let (y, o2) = rows[top][k].multipliedReportingOverflow(by: mb)
                    let (z, o3) = x.subtractingReportingOverflow(y)
                    if o1 || o2 || o3 { return nil }
                    rows[r][k] = z
                }
                normalise(&rows[r])
            }
            pivotRow[c] = top
            top += 1
        }
        // In reduced form a pivot column is zero in every other row, so its unknown is fixed
        // exactly when its row has no other non-zero entry.
        return (0..<columnCount).map { c in
            guard pivotRow[c] >= 0 else { return false }
            let row = rows[pivotRow[c]]
            return row.indices.allSatisfy { $0 == c || row[$0] == 0 }
        }
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int64(x)
    }

    private static func normalise(_ row: inout [Int64]) {
        var g: Int64 = 0
        for value in row where value != 0 {
            g = gcd(g, value)
            if g == 1 { return }
        }
        if g > 1 { for k in row.indices { row[k] /= g } }
    }
}
