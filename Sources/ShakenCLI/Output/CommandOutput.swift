import Foundation

/// Where commands write: standard output for results, standard error for diagnostics.
///
/// Commands never call `print`; they write through ``current``, which ``ShakenMain/run(_:output:)`` binds
/// for the duration of one invocation. Tests bind a capturing sink instead of the process streams.
public struct CommandOutput: Sendable {
    /// Writes text to the result stream.
    public let standardOutput: @Sendable (String) -> Void
    /// Writes text to the diagnostic stream.
    public let standardError: @Sendable (String) -> Void

    /// Creates a sink from two writers.
    public init(standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void) {
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// The process's standard output and standard error.
    public static let process = CommandOutput(
        standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        standardError: { text in FileHandle.standardError.write(Data(text.utf8)) }
    )

    /// The sink of the running invocation.
    @TaskLocal public static var current: CommandOutput = .process

    /// Writes one line to standard output of the running invocation.
    static func line(_ text: String = "") {
        current.standardOutput(text + "\n")
    }

    /// Writes one line to standard error of the running invocation.
    static func diagnostic(_ text: String) {
        current.standardError(text + "\n")
    }

    /// Writes a JSON document to standard output of the running invocation.
    static func json(_ value: JSONOutput) {
        current.standardOutput(value.prettyPrinted() + "\n")
    }
}
