// swift-tools-version:6.1
import PackageDescription

// Layers point inward:
//   formats (JOSE, TNAuthList, CertificateRevocation, STIRCertificates, PASSporT, AuthorityToken)
//   -> domain (STIRServices, ACMECore, PolicyAdministration)
//   -> adapters (StorageSQL; HTTPServer and HTTPClient; ProviderPortal: the TN provider's customer token API,
//      SP-PA-proxy and SP-CA-proxy over HTTP)
//   -> composition (App: the sandbox; ShakenCLI, the `shaken` and `shaken-bench` executables)
// STIRTesting and ACMETesting are test support and are never imported by a product target.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let asn1 = Target.Dependency.product(name: "SwiftASN1", package: "swift-asn1")
let x509 = Target.Dependency.product(name: "X509", package: "swift-certificates")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "swift-shaken",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shaken", targets: ["shaken"]),
        .executable(name: "shaken-bench", targets: ["ShakenBenchmarks"]),
        .library(name: "JOSE", targets: ["JOSE"]),
        .library(name: "TNAuthList", targets: ["TNAuthList"]),
        .library(name: "CertificateRevocation", targets: ["CertificateRevocation"]),
        .library(name: "STIRCertificates", targets: ["STIRCertificates"]),
        .library(name: "PASSporT", targets: ["PASSporT"]),
        .library(name: "STIRServices", targets: ["STIRServices"]),
        .library(name: "AuthorityToken", targets: ["AuthorityToken"]),
        .library(name: "PolicyAdministration", targets: ["PolicyAdministration"]),
        .library(name: "ACMECore", targets: ["ACMECore"]),
        .library(name: "StorageSQL", targets: ["StorageSQL"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "HTTPClient", targets: ["HTTPClient"]),
        .library(name: "ProviderPortal", targets: ["ProviderPortal"]),
        .library(name: "App", targets: ["App"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // MARK: Layer 0: formats (pure: no I/O, no clock, no globals)
        .target(name: "JOSE", dependencies: [crypto], swiftSettings: swiftSettings),
        .target(name: "TNAuthList", dependencies: [asn1, x509], swiftSettings: swiftSettings),
        .target(name: "CertificateRevocation", dependencies: [asn1, x509, crypto], swiftSettings: swiftSettings),
        .target(
            name: "STIRCertificates",
            dependencies: ["TNAuthList", "CertificateRevocation", asn1, x509, crypto],
            swiftSettings: swiftSettings
        ),
        .target(name: "PASSporT", dependencies: ["JOSE", "TNAuthList", crypto], swiftSettings: swiftSettings),
        .target(name: "AuthorityToken", dependencies: ["JOSE", "TNAuthList", crypto], swiftSettings: swiftSettings),

        // MARK: Layer 1: domain
        .target(
            name: "STIRServices",
            dependencies: ["PASSporT", "STIRCertificates", "TNAuthList", "CertificateRevocation", "JOSE", asn1, x509, crypto],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ACMECore",
            dependencies: ["AuthorityToken", "STIRCertificates", "TNAuthList", "JOSE", asn1, x509, crypto],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PolicyAdministration",
            dependencies: [
                "AuthorityToken", "JOSE", "TNAuthList", "CertificateRevocation", "STIRCertificates", asn1, x509, crypto,
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 2: adapters
        .target(
            name: "StorageSQL",
            dependencies: [
                "ACMECore", "AuthorityToken", "PolicyAdministration", "CertificateRevocation", "TNAuthList", "JOSE", asn1, x509,
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HTTPServer",
            dependencies: [
                "ACMECore", "PolicyAdministration", "AuthorityToken", "STIRCertificates", "CertificateRevocation", "TNAuthList",
                "JOSE", asn1, x509, crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HTTPClient",
            dependencies: [
                "STIRServices", "ACMECore", "AuthorityToken", "PolicyAdministration", "STIRCertificates",
                "CertificateRevocation", "TNAuthList", "JOSE", asn1, x509, crypto,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ProviderPortal",
            dependencies: [
                "HTTPServer", "HTTPClient", "ACMECore", "PolicyAdministration", "AuthorityToken", "TNAuthList", "JOSE",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 3: composition and entry points
        .target(
            name: "App",
            dependencies: [
                "ACMECore", "PolicyAdministration", "StorageSQL", "HTTPServer", "HTTPClient", "ProviderPortal", "AuthorityToken", "STIRCertificates",
                "CertificateRevocation", "TNAuthList", "JOSE", asn1, x509, crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ShakenCLI",
            dependencies: [
                "STIRServices", "STIRCertificates", "PASSporT", "TNAuthList", "CertificateRevocation", "JOSE", "App", "HTTPClient", "PolicyAdministration",
                x509, asn1, crypto,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "shaken", dependencies: ["ShakenCLI"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "ShakenBenchmarks",
            dependencies: [
                "STIRServices", "STIRCertificates", "PASSporT", "TNAuthList", "CertificateRevocation", "JOSE", "ACMECore", "StorageSQL",
                "AuthorityToken", "HTTPServer", "HTTPClient", asn1, x509, crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Test support
        .target(
            name: "STIRTesting",
            dependencies: ["STIRCertificates", "TNAuthList", "CertificateRevocation", x509, crypto],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ACMETesting",
            dependencies: ["ACMECore", "AuthorityToken", "STIRTesting", "STIRCertificates", "TNAuthList", "JOSE", x509, crypto],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PolicyAdministrationTesting",
            dependencies: ["PolicyAdministration", "TNAuthList", "CertificateRevocation", x509, crypto],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .testTarget(name: "JOSETests", dependencies: ["JOSE", crypto], resources: [.copy("Vectors")], swiftSettings: swiftSettings),
        .testTarget(
            name: "TNAuthListTests",
            dependencies: ["TNAuthList", asn1, x509, .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CertificateRevocationTests",
            dependencies: ["CertificateRevocation", "STIRTesting", asn1, x509, crypto],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "STIRCertificatesTests",
            dependencies: ["STIRCertificates", "STIRTesting", "TNAuthList", "CertificateRevocation", asn1, x509, crypto],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PASSporTTests",
            dependencies: ["PASSporT", "JOSE", "TNAuthList", crypto],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "STIRServicesTests",
            dependencies: ["STIRServices", "STIRTesting", "PASSporT", "STIRCertificates", "TNAuthList", "CertificateRevocation", x509, crypto],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthorityTokenTests",
            dependencies: ["AuthorityToken", "JOSE", "TNAuthList", crypto],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ACMECoreTests",
            dependencies: ["ACMECore", "ACMETesting", "AuthorityToken", "STIRTesting", "STIRCertificates", "TNAuthList", "JOSE", asn1, x509, crypto],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PolicyAdministrationTests",
            dependencies: [
                "PolicyAdministration", "PolicyAdministrationTesting", "AuthorityToken", "STIRTesting", "STIRCertificates",
                "CertificateRevocation", "TNAuthList", "JOSE", asn1, x509, crypto,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageSQLTests",
            dependencies: [
                "StorageSQL", "ACMETesting", "PolicyAdministrationTesting", "ACMECore", "AuthorityToken", "PolicyAdministration",
                "CertificateRevocation", "TNAuthList", "JOSE", x509, crypto,
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: [
                "HTTPServer", "ACMECore", "ACMETesting", "PolicyAdministration", "PolicyAdministrationTesting", "AuthorityToken",
                "STIRTesting", "STIRCertificates", "CertificateRevocation", "TNAuthList", "JOSE", asn1, x509, crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPClientTests",
            dependencies: [
                "HTTPClient", "ACMECore", "ACMETesting", "AuthorityToken", "PolicyAdministration", "PolicyAdministrationTesting",
                "STIRServices", "STIRTesting", "STIRCertificates", "CertificateRevocation", "TNAuthList", "JOSE", asn1, x509, crypto,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProviderPortalTests",
            dependencies: [
                "ProviderPortal", "HTTPServer", "HTTPClient", "ACMECore", "PolicyAdministration", "AuthorityToken", "TNAuthList", "JOSE",
                crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShakenCLITests",
            dependencies: ["ShakenCLI", "STIRTesting", x509, crypto],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "ShakenCLI", "HTTPClient", "ProviderPortal", "STIRServices", "PASSporT", "ACMECore", "AuthorityToken", "STIRCertificates", "CertificateRevocation", "TNAuthList",
                "JOSE", "StorageSQL", asn1, x509, crypto,
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            exclude: ["Python"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["STIRServices", "STIRTesting", "PASSporT", "STIRCertificates", "CertificateRevocation", "TNAuthList", "JOSE", x509, crypto],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
