import Foundation

// Usage: ViewModelLookupGenerator OUTPUT.swift VIEW_MODEL.swift...
// Writes, for every struct declared in the given files (nested ones too), a `MustacheParent`
// conformance that answers each stored property by name with a switch (run by the
// GenerateViewModelLookups build plugin). swift-mustache would otherwise find every
// `{{key}}` through a `Mirror` of the whole struct, which profiling put at 57% of a large
// build; generating the switch keeps that speed without a hand-kept copy of every field.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ViewModelLookupGenerator OUTPUT.swift VIEW_MODEL.swift...\n".utf8))
    exit(64)
}

var declarations: [ViewModelDeclaration] = []
for path in arguments.dropFirst(2).sorted() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("ViewModelLookupGenerator: cannot read \(path)\n".utf8))
        exit(1)
    }
    declarations += ViewModelScanner.structs(in: text)
}
let source = LookupSource.make(for: declarations)
do {
    let output = URL(fileURLWithPath: arguments[1])
    // Rewriting an unchanged file would make the library recompile on every build.
    if (try? Data(contentsOf: output)) != Data(source.utf8) {
        try Data(source.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("ViewModelLookupGenerator: cannot write \(arguments[1]): \(error)\n".utf8))
    exit(1)
}
