import Foundation

/// The pandoc program, which reads Word documents for the import (Debian package `pandoc`).
public struct Pandoc: Sendable {
    /// Said when pandoc is needed and missing: one line, with how to install it.
    static let installHint = "pandoc is not installed, and it is needed to read Word documents; install it with 'apt-get install pandoc' (Debian, Ubuntu) or from https://pandoc.org/installing.html"

    public let executable: String

    public init(executable: String) {
        self.executable = executable
    }

    /// pandoc from `POLICYSITE_PANDOC` (a path, for tests and unusual installs) or the PATH;
    /// nil when there is none.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Pandoc? {
        if let chosen = environment["POLICYSITE_PANDOC"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? Pandoc(executable: chosen) : nil
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = (String(directory) as NSString).appendingPathComponent("pandoc")
            if FileManager.default.isExecutableFile(atPath: candidate) { return Pandoc(executable: candidate) }
        }
        return nil
    }

    /// The Word document at `path` (or `bytes`, given on standard input instead) as pandoc's
    /// JSON: tracked insertions accepted, deletions and comments dropped
    /// (`--track-changes=accept`), empty paragraphs kept so that the cleaner can tell two
    /// lists apart.
    func json(ofWordDocument path: String, bytes: [UInt8]? = nil) throws(ImportRefusal) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--from=docx+empty_paragraphs", "--to=json", "--track-changes=accept"]
            + (bytes == nil ? [URL(fileURLWithPath: path).path] : [])
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = bytes == nil ? FileHandle.nullDevice : input
        do {
            try process.run()
        } catch {
            throw ImportRefusal("pandoc could not be started (\(error.localizedDescription))", expected: "a working pandoc: 'apt-get install pandoc'")
        }
        // Input is written and errors read on other threads, so no pipe can fill and stall pandoc.
        if let bytes {
            let writer = input.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: bytes)
                try? writer.close()
            }
        }
        let errorText = ErrorCollector(errors.fileHandleForReading)
        let json = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = errorText.text().split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw ImportRefusal("pandoc could not read the document (\(message))", expected: "a copy Word can open; open it in Word and save it again")
        }
        return json
    }
}

/// Reads a pipe to its end in the background.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
