// swift-tools-version: 6.1
import PackageDescription

// scripts/fuzz sets this: a libFuzzer build links libFuzzer into every executable, the
// theme-embedding build tool too, which then cannot run; the fuzz targets need no theme.
let fuzzing = Context.environment["POLICYSITE_FUZZING"] != nil

// scripts/package sets this to a folder of static libraries it prepares (links to Debian's
// libcmark-gfm.a, libcmark-gfm-extensions.a, libz.a and GCC's libstdc++.a, and nothing else):
// cmark-gfm and zlib are then linked from their .a files, named in full, through module maps
// without `link` lines and without pkg-config (whose -l flags would pick the .so files).
// Unset, the normal build links them as shared libraries, as before.
let staticLibraries = Context.environment["POLICYSITE_STATIC_LIBS"]
func staticArchives(_ names: String...) -> [LinkerSetting] {
    guard let folder = staticLibraries else { return [] }
    return [.unsafeFlags(names.flatMap { ["-Xlinker", "\(folder)/lib\($0).a"] })]
}
// The packaged executable: libstdc++ and libgcc linked in (`-lstdc++` finds only the .a in the
// folder, which is searched before GCC's own) and no symbol table exported for dynamic linking
// (nothing loads a library that would use it). It stays position-independent: without PIE it
// would start about 2 ms sooner, but its own code — cmark-gfm and zlib reading the documents
// included — would sit at fixed addresses (BENCHMARKS.md, "Start-up").
let packagedExecutableFlags: [LinkerSetting] = staticLibraries.map { folder in
    [.unsafeFlags(["-L", folder, "-Xclang-linker", "-static-libgcc", "-Xlinker", "--no-export-dynamic"])]
} ?? []

let package = Package(
    name: "policysite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policysite", targets: ["policysite"]),
        .library(name: "PolicySite", targets: ["PolicySite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        staticLibraries == nil
            ? .systemLibrary(
                name: "CCmarkGFM",
                pkgConfig: "libcmark-gfm",
                providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
            )
            : .systemLibrary(name: "CCmarkGFM", path: "Sources/Static/CCmarkGFM"),
        .target(name: "CAtomicSwap"),
        // zlib, to read the parts of a Word document (a zip archive) that pandoc does not carry.
        staticLibraries == nil
            ? .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])])
            : .systemLibrary(name: "CZlib", path: "Sources/Static/CZlib"),
        .target(
            name: "PolicySite",
            dependencies: [
                "CCmarkGFM",
                "CAtomicSwap",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["DefaultTheme"],
            swiftSettings: fuzzing ? [.define("FUZZING")] : [],
            // The extensions' archive first: it calls into the core's.
            linkerSettings: staticArchives("cmark-gfm-extensions", "cmark-gfm", "z"),
            plugins: fuzzing ? [] : ["EmbedTheme", "GenerateViewModelLookups"]
        ),
        // The default theme (templates/) is compiled into the library: see README, decisions.
        // What the two build-tool executables share (writing the generated file only when it changes).
        .target(name: "BuildToolSupport"),
        .executableTarget(name: "ThemeEmbedder", dependencies: ["BuildToolSupport"]),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        // The view models' template lookups are generated from their declarations (README, decisions).
        .executableTarget(name: "ViewModelLookupGenerator", dependencies: ["BuildToolSupport"]),
        .plugin(name: "GenerateViewModelLookups", capability: .buildTool(), dependencies: ["ViewModelLookupGenerator"]),
        .target(
            name: "PolicySiteCLI",
            dependencies: [
                "PolicySite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "policysite", dependencies: ["PolicySiteCLI"], linkerSettings: packagedExecutableFlags),
        // Times the build's stages alone (scripts/bench); one small file, so cheap for CI to build.
        .executableTarget(name: "policysite-bench", dependencies: ["PolicySite"]),
        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer -D FUZZING);
        // a normal build makes them replay saved inputs instead.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzPolicyParser", dependencies: ["PolicySite", "FuzzSupport"]),
        .executableTarget(name: "FuzzMarkdownPage", dependencies: ["PolicySite", "FuzzSupport"]),
        .executableTarget(name: "FuzzModerationLog", dependencies: ["PolicySite", "FuzzSupport"]),
        .executableTarget(name: "FuzzLogLanes", dependencies: ["PolicySite", "FuzzSupport"]),
        .executableTarget(name: "FuzzReviewDate", dependencies: ["PolicySite", "FuzzSupport"]),
        .testTarget(
            name: "PolicySiteTests",
            dependencies: ["PolicySite", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(name: "PolicySiteCLITests", dependencies: ["PolicySiteCLI"]),
    ]
)
