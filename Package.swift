// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "forumdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "forumdesk", targets: ["forumdesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Domain types and rules. Pure Swift: no I/O, no terminal.
        .target(name: "ForumDeskCore"),
        // The data folder: JSON parsing and writing, load, durable save, lock, change detection.
        .target(name: "ForumDeskStore", dependencies: ["ForumDeskCore"]),
        .executableTarget(
            name: "forumdesk",
            dependencies: [
                "ForumDeskCore",
                "ForumDeskStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ForumDeskCoreTests",
            dependencies: ["ForumDeskCore"]
        ),
        .testTarget(
            name: "ForumDeskStoreTests",
            dependencies: [
                "ForumDeskCore", "ForumDeskStore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ForumDeskCLITests",
            dependencies: ["forumdesk"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
