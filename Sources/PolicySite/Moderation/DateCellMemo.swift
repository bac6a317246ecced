/// The last date cell the fast lane read, and its day. A log runs in date order, many rows a
/// day, so most rows' date cells are the last row's bytes: then two loads and comparisons
/// replace checking and converting eight digits and the day's place in its month (7% of a
/// 10^6-row build's instructions, callgrind). Exact: the whole cell is compared, for cells of
/// 8 to 16 bytes (a date and a short time); others are read every time.
struct DateCellMemo {
    private var count = -1
    private var head: UInt64 = 0
    private var tail: UInt64 = 0
    private var day: CalendarDay?

    /// The day read last time from exactly these bytes.
    func day(for cell: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard cell.count == count, let (head, tail) = Self.words(cell) else { return nil }
        return head == self.head && tail == self.tail ? day : nil
    }

    mutating func remember(_ day: CalendarDay, for cell: UnsafeBufferPointer<UInt8>) {
        guard let (head, tail) = Self.words(cell) else { return }
        (count, self.head, self.tail, self.day) = (cell.count, head, tail, day)
    }

    /// The first and the last eight bytes: together every byte of a cell of 8 to 16 bytes.
    @inline(__always)
    private static func words(_ cell: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard (8...16).contains(cell.count), let base = cell.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: cell.count - 8, as: UInt64.self))
    }
}
