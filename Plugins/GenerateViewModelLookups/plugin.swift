import Foundation
import PackagePlugin

/// Generates the view models' template lookups (`MustacheParent` switches) from their
/// declarations, so that no hand-kept list of fields can drift from the structs. The view
/// models are the structs in `Rendering/PageContext.swift` and `Rendering/*View.swift`.
@main
struct GenerateViewModelLookups: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rendering = target.directoryURL.appending(path: "Rendering")
        let output = context.pluginWorkDirectoryURL.appending(path: "ViewModelLookups.swift")
        let names = try FileManager.default.contentsOfDirectory(atPath: rendering.path)
        let inputs = names.filter { $0 == "PageContext.swift" || $0.hasSuffix("View.swift") }
            .sorted()
            .map { rendering.appending(path: $0) }
        return [.buildCommand(displayName: "Generating the view models' template lookups",
                              executable: try context.tool(named: "ViewModelLookupGenerator").url,
                              arguments: [output.path] + inputs.map(\.path),
                              inputFiles: inputs,
                              outputFiles: [output])]
    }
}
