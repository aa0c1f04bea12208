import ACMECore
import Foundation

/// A test-only fault-injection switch (docs/testing.md, "Process-kill tests"): the sandbox kills its
/// own process with `SIGKILL` when an issuance reaches a chosen step, so that tests can prove that a
/// CA killed at any point of issuance loses nothing (ATIS-1000080 CA durability).
///
/// Set from the environment variable `SHAKEN_FAULT_KILL_AT` by `shaken sandbox`: the value is a step
/// name (`processing`, `reserved`, `signed`, `recorded`, `valid`; see ``IssuanceProbe/Step``),
/// optionally prefixed by the authority, `sti-ca:` or `sti-sca:`, to arm only that issuer.
public struct SandboxFaultInjection: Hashable, Sendable, CustomStringConvertible {
    /// The environment variable read by `shaken sandbox`.
    public static let environmentVariable = "SHAKEN_FAULT_KILL_AT"

    /// The issuing authorities of the sandbox.
    public enum Authority: String, CaseIterable, Hashable, Sendable {
        /// The STI-CA (service provider and STI-SCA certificates).
        case certificationAuthority = "sti-ca"
        /// The STI-SCA (delegate certificates).
        case subordinateAuthority = "sti-sca"
    }

    /// The step at which the process dies.
    public let step: IssuanceProbe.Step
    /// The authority whose issuance is armed, or `nil` for both.
    public let authority: Authority?

    /// Creates a switch.
    public init(step: IssuanceProbe.Step, authority: Authority? = nil) {
        self.step = step
        self.authority = authority
    }

    /// Parses `[<authority>:]<step>`.
    ///
    /// - Throws: ``AppError/Code/configuration`` naming the accepted values.
    public init(_ text: String) throws(AppError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let stepName = parts.last ?? ""
        guard parts.count <= 2, let step = IssuanceProbe.Step(rawValue: stepName) else {
            throw AppError(.configuration, "\(Self.environmentVariable)=\(text) is not [sti-ca:|sti-sca:]<step>; steps: \(Self.stepNames)")
        }
        var authority: Authority?
        if parts.count == 2 {
            guard let named = Authority(rawValue: parts[0]) else {
                throw AppError(.configuration, "\(Self.environmentVariable)=\(text) names no authority; use sti-ca or sti-sca")
            }
            authority = named
        }
        self.init(step: step, authority: authority)
    }

    /// The switch set in `environment`, or `nil` when the variable is absent or empty.
    ///
    /// - Throws: ``AppError/Code/configuration`` for a value that does not parse.
    public static func from(environment: [String: String]) throws(AppError) -> SandboxFaultInjection? {
        guard let text = environment[environmentVariable], !text.isEmpty else { return nil }
        return try SandboxFaultInjection(text)
    }

    /// The value that sets this switch, `[<authority>:]<step>`.
    public var description: String { (authority.map { $0.rawValue + ":" } ?? "") + step.rawValue }

    /// Whether this switch kills `authority`'s issuance at `step`.
    public func fires(at step: IssuanceProbe.Step, of authority: Authority) -> Bool {
        step == self.step && (self.authority == nil || self.authority == authority)
    }

    /// The probe installed in `authority`'s issuer: at the armed step it writes one line to standard
    /// error, then sends `SIGKILL` to its own process (no clean-up, no flush, like a power cut for
    /// everything above the database's committed state).
    func probe(for authority: Authority) -> IssuanceProbe {
        let armed = self
        return IssuanceProbe { step, order in
            guard armed.fires(at: step, of: authority) else { return }
            FileHandle.standardError.write(Data("\(Self.environmentVariable): killing the process at \(authority.rawValue):\(step.rawValue) of order \(order.rawValue)\n".utf8))
            kill(getpid(), SIGKILL)
        }
    }

    private static var stepNames: String { IssuanceProbe.Step.allCases.map(\.rawValue).joined(separator: ", ") }
}
