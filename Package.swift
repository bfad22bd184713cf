// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "forumdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "forumdesk", targets: ["forumdesk"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // The C library's GNU extensions Glibc's Swift module leaves out (memmem, syncfs).
        .target(name: "CSystem"),
        // Domain types and rules. Pure Swift: no I/O, no terminal.
        .target(name: "ForumDeskCore"),
        // The data folder: JSON parsing and writing, load, durable save, lock, change detection.
        .target(name: "ForumDeskStore", dependencies: ["ForumDeskCore", "CSystem"]),
        // ncursesw through a module map: the wide-character API and wrappers for its macros.
        .systemLibrary(name: "CNCursesW"),
        // Puts the terminal back on fatal signals, from a C signal handler.
        .target(name: "CTerminalGuard"),
        // Cell buffer, display width, sanitising, layout, widgets, key events. Pure Swift: no terminal.
        .target(name: "TerminalUI"),
        // The only code that calls ncurses.
        .target(name: "NCursesTerminal", dependencies: ["CNCursesW", "CTerminalGuard", "TerminalUI"]),
        // Documents made from the data: minutes and agendas (more formats follow).
        .target(name: "ForumDeskExport", dependencies: ["ForumDeskCore"]),
        // Screens: state, update(event) -> effects, view(state) -> buffer. No terminal; disk only through the store.
        .target(
            name: "ForumDeskApp",
            dependencies: ["ForumDeskCore", "ForumDeskStore", "ForumDeskExport", "TerminalUI", "CSystem"]),
        .executableTarget(
            name: "forumdesk",
            dependencies: [
                "ForumDeskCore",
                "ForumDeskStore",
                "ForumDeskApp",
                "TerminalUI",
                "NCursesTerminal",
                "ForumDeskExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths and sample-data copies shared by the test targets (not part of the product).
        .target(name: "ForumDeskTestSupport", path: "Sources/ForumDeskTestSupport"),
        .testTarget(
            name: "ForumDeskCoreTests",
            dependencies: ["ForumDeskCore"]
        ),
        .testTarget(
            name: "ForumDeskStoreTests",
            dependencies: [
                "ForumDeskCore", "ForumDeskStore", "ForumDeskTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ForumDeskCLITests",
            dependencies: ["forumdesk", "ForumDeskTestSupport"],
            exclude: ["Sheets"]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ForumDeskExportTests",
            dependencies: [
                "ForumDeskExport", "ForumDeskCore", "ForumDeskStore", "ForumDeskTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "ForumDeskAppTests",
            dependencies: [
                "ForumDeskApp", "ForumDeskStore", "TerminalUI", "ForumDeskTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // Mutation fuzzing of every parser of outside input (JSON files, CSV, calendar replies, quick entry).
        .testTarget(
            name: "FuzzTests",
            dependencies: ["ForumDeskCore", "ForumDeskStore", "ForumDeskExport", "ForumDeskTestSupport"],
            exclude: ["Corpus", "Crashers"]
        ),
        // Drives the real binary in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["forumdesk", "ForumDeskTestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
