// swift-tools-version:6.0
import PackageDescription

// Layers, arrows pointing one way:
//   C modules → SheetNative (the only Swift code that touches C) → SheetIO (spreadsheet formats)
//   → UserList (template, policy, stages, findings) → {Reports, Invitations} → Submission (the run of one file)
//   → Inbox → invitesheet (the command).
// The reader's per-cell path touches only state owned by one parser object; runtime exclusivity
// checks there cost ~9% of a large read (measured with perf), so release builds leave them out.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "invitesheet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "invitesheet", targets: ["invitesheet"]),
        .library(name: "SheetIO", targets: ["SheetIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // libcurl for SMTP(S); its shim header holds typed wrappers for the variadic setopt/getinfo.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // libphonenumber (C++; Debian ships no pkg-config file for it): one .cpp exposing C functions, so
        // no Swift target needs C++ interop. Only Sources/PhoneNumbers imports CPhoneNumber.
        .target(name: "CPhoneNumber", linkerSettings: [.linkedLibrary("phonenumber")]),
        .target(name: "PhoneNumbers", dependencies: ["CPhoneNumber"]),
        .target(name: "SheetNative", dependencies: ["CZip", "CLibXML2", "CXlsxWriter"], swiftSettings: hotPath),
        .target(name: "SheetIO", dependencies: ["SheetNative"], swiftSettings: hotPath),
        .target(name: "UserList", dependencies: ["SheetIO", "PhoneNumbers"], swiftSettings: hotPath),
        .target(name: "Reports", dependencies: ["UserList", "SheetIO", "Digest"], swiftSettings: hotPath),
        // SHA-256 and the system CSPRNG, through OpenSSL's libcrypto and getrandom(2).
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Digest", dependencies: ["COpenSSL"]),
        // Mail delivery: an outbox folder of .eml files or an SMTP relay (libcurl); knows nothing of users.
        // Only Sources/Mail imports CCurl.
        .target(name: "Mail", dependencies: ["CCurl"]),
        // The invitations ledger (SQLite through GRDB), the lifecycle rules and the emails they send.
        .target(name: "Invitations", dependencies: ["UserList", "SheetIO", "Mail", "Digest", "SQLiteBind", .product(name: "GRDB", package: "GRDB.swift")]),
        // GRDB's prepared statements run with values bound by SQLite's own calls, for the ledger's hot inserts.
        // Its own module: a debug build that sees libxml2's ICU headers and SQLite's in one module fails to
        // compile ("'UErrorCode' has different definitions in different modules").
        .target(name: "SQLiteBind", dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // The run of one file: validate it and submit its accepted rows (used by submit and watch --submit).
        .target(name: "Submission", dependencies: ["Reports", "Invitations", "UserList", "SheetIO"]),
        .target(name: "Inbox", dependencies: ["Submission", "Reports", "Invitations", "Mail", "UserList", "SheetIO", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "invitesheet", dependencies: [
            "SheetIO", "UserList", "Reports", "Submission", "Inbox", "Invitations", "Mail", "Digest",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Helpers shared by test targets: a second reader (openpyxl) and running external programs.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SheetIOTests", dependencies: ["SheetIO", "TestSupport"]),
        .testTarget(name: "UserListTests", dependencies: ["UserList", "SheetIO", "PhoneNumbers", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "UserList", "SheetIO", "TestSupport"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "InvitationsTests", dependencies: ["Invitations", "SQLiteBind", "Mail", "Digest", "UserList", "SheetIO", "TestSupport"]),
        .testTarget(name: "InboxTests", dependencies: ["Inbox", "Digest", "invitesheet"]),
        // End-to-end tests run the built binary; depending on it makes `swift test` build it first.
        .testTarget(name: "EndToEndTests", dependencies: ["SheetIO", "Reports", "invitesheet", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
