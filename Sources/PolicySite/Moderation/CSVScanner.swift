/// Splits RFC 4180 bytes into records, one chunk at a time, without making a String per cell.
///
/// Hand-written rather than built on `String` splitting or Foundation: the log is folded row by
/// row, so the scanner copies only the cell bytes of the current record into one reused buffer.
/// What it keeps of a record is bounded (the first `keptCellBytes` of a cell, the first
/// `keptCells` cells, the first `keptProblems` problems; the rest only counted), so memory stays
/// flat and the work linear however long a line or a cell is.
/// Columns count bytes from 1, as compilers do; the log's valid cells are ASCII.
struct CSVScanner {
    /// How much of a record is kept: far more than any cell or row of the log format needs.
    static let keptCellBytes = 1024
    static let keptCells = 256
    static let keptProblems = 16

    /// One cell of the current record: its kept bytes in `Record.bytes`, its whole length, and
    /// where it starts in the file.
    struct Field {
        var range: Range<Int>
        var line: Int
        var column: Int
        /// The cell's length in bytes; more than `range.count` when it was cut at `keptCellBytes`.
        var length: Int
    }

    enum Problem: Equatable {
        /// A `"` inside a cell that does not start with one, or text after a closing quote.
        case strayQuote(line: Int, column: Int)
        /// The file ended inside a quoted cell.
        case unterminatedQuote(line: Int, column: Int)
    }

    /// A complete record, valid only during the callback that receives it.
    struct Record {
        var bytes: [UInt8]
        /// The first `keptCells` cells.
        var fields: [Field]
        var line: Int
        var problems: [Problem]
        /// How many cells the record has, kept or not.
        var cellCount: Int

        func cell(_ index: Int) -> ArraySlice<UInt8> { bytes[fields[index].range] }

        /// Runs `body` on the kept bytes of cell `index`, in place.
        func withCell<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[fields[index].range])) }
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private var bytes: [UInt8] = []
    private var fields: [Field] = []
    private var problems: [Problem] = []
    private var state = State.fieldStart
    private var fieldStart = 0
    private var fieldLine = 1
    private var fieldColumn = 1
    private var fieldLength = 0
    private var droppedCells = 0
    private var recordLine = 1
    private var line = 1
    private var lineStart = 0
    private var offset = 0
    private var skipLineFeed = false

    init() {}

    /// Feeds the next chunk of the file; `onRecord` runs for every record the chunk completes.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, onRecord: (Record) throws -> Void) rethrows {
        var i = 0
        let n = chunk.count
        while i < n {
            let byte = chunk[i]
            if skipLineFeed {
                skipLineFeed = false
                if byte == 0x0A { i += 1; lineStart = offset + i; continue }
            }
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart {
                    beginField(at: offset + i)
                    if byte == 0x22 { state = .quoted; i += 1; continue }
                    state = .unquoted
                }
                // The hot loop: copy a run of ordinary bytes in one go.
                var j = i
                while j < n {
                    let b = chunk[j]
                    if b == 0x2C || b == 0x0A || b == 0x0D || b == 0x22 { break }
                    j += 1
                }
                if j > i { keep(UnsafeBufferPointer(rebasing: chunk[i..<j])) }
                i = j
                guard i < n else { break }
                let special = chunk[i]
                i += 1
                if special == 0x22 {
                    note(.strayQuote(line: line, column: offset + i - lineStart))
                    keep(special)
                } else if special == 0x2C {
                    endField()
                    state = .fieldStart
                } else {
                    try endLine(after: special, at: i, onRecord: onRecord)
                }
            case .quoted:
                var j = i
                while j < n {
                    let b = chunk[j]
                    if b == 0x22 { break }
                    if b == 0x0A { line += 1; lineStart = offset + j + 1 }
                    j += 1
                }
                if j > i { keep(UnsafeBufferPointer(rebasing: chunk[i..<j])) }
                i = j
                if i < n { state = .quoteInQuoted; i += 1 }
            case .quoteInQuoted:
                i += 1
                switch byte {
                case 0x22:
                    keep(0x22)
                    state = .quoted
                case 0x2C:
                    endField()
                    state = .fieldStart
                case 0x0A, 0x0D:
                    try endLine(after: byte, at: i, onRecord: onRecord)
                default:
                    note(.strayQuote(line: line, column: offset + i - lineStart))
                    keep(byte)
                    state = .unquoted
                }
            }
        }
        offset += n
    }

    /// True between records: the next byte fed starts a new record (the fast path may take it).
    var isAtRecordStart: Bool {
        state == .fieldStart && fields.isEmpty && droppedCells == 0 && bytes.isEmpty && problems.isEmpty && !skipLineFeed
    }

    /// The line the next record starts on.
    var currentLine: Int { line }

    /// Steps over one LF-terminated record of `length` bytes (its LF included) that the caller
    /// has handled itself, keeping lines and columns of later records right.
    mutating func skipRecord(length: Int) {
        skipRecords(1, length: length)
    }

    /// The same for `count` records of `length` bytes in all, each ending in its own LF.
    mutating func skipRecords(_ count: Int, length: Int) {
        offset += length
        line += count
        lineStart = offset
    }

    /// Ends the input: delivers a last record that had no line break after it.
    mutating func finish(onRecord: (Record) throws -> Void) rethrows {
        switch state {
        case .fieldStart:
            // A record ending in a comma: its last cell is empty and starts here.
            if !fields.isEmpty || droppedCells > 0 {
                beginField(at: offset)
                endField()
                try deliver(onRecord)
            }
        case .unquoted, .quoteInQuoted:
            endField()
            try deliver(onRecord)
        case .quoted:
            note(.unterminatedQuote(line: fieldLine, column: fieldColumn))
            endField()
            try deliver(onRecord)
        }
        state = .fieldStart
    }

    private mutating func beginField(at position: Int) {
        if fields.isEmpty, droppedCells == 0 { recordLine = line }
        fieldStart = bytes.count
        fieldLine = line
        fieldColumn = position - lineStart + 1
        fieldLength = 0
    }

    /// Keeps a run of the current cell's bytes, up to `keptCellBytes`; the length counts them all.
    @inline(__always)
    private mutating func keep(_ run: UnsafeBufferPointer<UInt8>) {
        fieldLength += run.count
        let room = Self.keptCellBytes - (bytes.count - fieldStart)
        if run.count <= room {
            bytes.append(contentsOf: run)
        } else if room > 0 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: run[..<room]))
        }
    }

    private mutating func keep(_ byte: UInt8) {
        fieldLength += 1
        if bytes.count - fieldStart < Self.keptCellBytes { bytes.append(byte) }
    }

    private mutating func note(_ problem: Problem) {
        if problems.count < Self.keptProblems { problems.append(problem) }
    }

    private mutating func endField() {
        if fields.count < Self.keptCells {
            fields.append(Field(range: fieldStart..<bytes.count, line: fieldLine, column: fieldColumn, length: fieldLength))
        } else {
            droppedCells += 1
            bytes.removeSubrange(fieldStart...)
        }
    }

    private mutating func endLine(after terminator: UInt8, at next: Int, onRecord: (Record) throws -> Void) rethrows {
        endField()
        state = .fieldStart
        line += 1
        lineStart = offset + next
        if terminator == 0x0D { skipLineFeed = true }
        try deliver(onRecord)
    }

    private mutating func deliver(_ onRecord: (Record) throws -> Void) rethrows {
        // A blank line is no record at all, rather than a row of one empty cell.
        let blank = fields.count == 1 && droppedCells == 0 && fields[0].range.isEmpty && problems.isEmpty
        if !blank {
            try onRecord(Record(bytes: bytes, fields: fields, line: recordLine, problems: problems, cellCount: fields.count + droppedCells))
        }
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        problems.removeAll(keepingCapacity: true)
        droppedCells = 0
    }
}
