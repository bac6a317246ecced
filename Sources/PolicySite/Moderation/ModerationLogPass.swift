/// One pass over a log, as the reader and the anonymiser make it: a scanner it owns, the
/// header, then each row checked by `ModerationLogRowChecker`.
protocol ModerationLogPass {
    var scanner: CSVScanner { get set }
    var checker: ModerationLogRowChecker { get set }
    var sawHeader: Bool { get set }
    var lastLine: Int { get set }
    mutating func readHeader(_ record: CSVScanner.Record)
    mutating func readRow(_ record: CSVScanner.Record)
}

extension ModerationLogPass {
    mutating func handle(_ record: CSVScanner.Record) {
        lastLine = record.line
        guard sawHeader else {
            sawHeader = true
            if checker.checkShape(record, headerCount: nil) { readHeader(record) }
            return
        }
        readRow(record)
    }

    /// Feeds a chunk. The scanner is moved out while it calls back into `handle` (a copy would
    /// share its buffer, and every chunk would then copy the record read so far).
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>) {
        var scanner = CSVScanner()
        swap(&scanner, &self.scanner)
        defer { swap(&scanner, &self.scanner) }
        scanner.consume(chunk) { handle($0) }
    }

    /// Ends the input (handling a last record without a line break) and the checks.
    mutating func finishScanning() {
        var scanner = CSVScanner()
        swap(&scanner, &self.scanner)
        defer { swap(&scanner, &self.scanner) }
        scanner.finish { handle($0) }
        checker.finish()
    }
}
