import Foundation

/// A libFuzzer entry point: bytes in, 0 out; it traps on a bug.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ callback: FuzzTarget) -> CInt
#endif

/// The `main` of every fuzz target. Built with `-sanitize=fuzzer -D FUZZING` it hands the
/// command line to libFuzzer (SwiftPM names the executable's own `main`, so libFuzzer's
/// cannot be used); in a normal build it replays the files named on the command line,
/// which is how saved crashes become regression tests.
public enum FuzzEntry {
    public static func run(_ target: FuzzTarget) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            let bytes = [UInt8](data) + [0]  // never an empty buffer, so there is always a base address
            _ = bytes.withUnsafeBufferPointer { target($0.baseAddress!, data.count) }
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs")
        exit(0)
        #endif
    }
}
