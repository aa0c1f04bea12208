import Foundation

/// Runs the `openssl` command-line tool on PATH for the chain interoperability tests.
enum ChainOpenSSL {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("openssl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The tests run when openssl is present, and on CI (where its absence makes them fail).
    static var isAvailableOrRequired: Bool {
        executable != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    struct Result {
        var status: Int32
        var output: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "openssl is not on PATH but CI is set" }
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        guard let executable else {
            throw Missing()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chain-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
