import Foundation
import STIRCertificates
import TNAuthList

/// What an ACME CA issues for which TNAuthList (ATIS-1000080 v005 §6.4.1, ATIS-1000092 §5.3, RFC 9060 §4).
///
/// - `.stiCA`: an STI-CA. One SPC and no numbers gives an SP end-entity certificate
///   (``STICertificateProfile/endEntity``), or, with a `ca:true` token and a CSR asking cA=TRUE, an
///   STI-SCA certificate (``STICertificateProfile/subordinateCA``). TNs or ranges without an SPC give a
///   TN-level end-entity certificate directly under the STI-CA intermediate (ATIS-1000092 TN-level
///   proxy flow); see ``tnLevelExemptRules``.
/// - `.stiSCA(scope:)`: an STI-SCA. TNs or ranges encompassed by its own scope give a delegate
///   end-entity certificate, or with `ca:true` a sub-delegating CA certificate (RFC 9060 §4); anything
///   outside the scope is refused with `rejectedIdentifier`.
public struct IssuancePolicy: Sendable {
    /// The kind of authority.
    public enum Mode: Sendable {
        /// An STI-CA under the STI-PA's trust list.
        case stiCA
        /// An STI-SCA holding `scope`.
        case stiSCA(scope: TNScope)
    }

    /// What to issue for one finalize request.
    public struct Plan: Sendable {
        /// The certificate profile.
        public let profile: STICertificateProfile
        /// The validity length in seconds.
        public let lifetime: TimeInterval
        /// The linter the builder runs before signing.
        public let linter: STICertificateLinter
    }

    /// The ATIS-1000080 end-entity rules a TN-level certificate cannot meet: the foundation's linter
    /// has no profile for a TN-list end-entity certificate under a plain intermediate (the delegate
    /// profiles require a TNAuthList-bearing issuer), so these two rules are set aside for it and every
    /// other rule still runs.
    public static let tnLevelExemptRules: Set<String> = ["e_sti_ee_tnauthlist_one_spc", "e_sti_ee_tnauthlist_no_numbers"]

    /// The mode.
    public var mode: Mode
    /// End-entity validity in seconds.
    public var endEntityLifetime: TimeInterval
    /// CA-certificate validity in seconds.
    public var caLifetime: TimeInterval

    /// Creates a policy.
    public init(mode: Mode, endEntityLifetime: TimeInterval = 365 * 86_400, caLifetime: TimeInterval = 730 * 86_400) {
        self.mode = mode
        self.endEntityLifetime = endEntityLifetime
        self.caLifetime = caLifetime
    }

    /// Whether the authority issues for `identifier` at all; checked at newOrder and again at finalize.
    ///
    /// - Throws: ``ACMEError/Code/rejectedIdentifier`` with the reason.
    public func admit(_ identifier: TNAuthListIdentifier) throws(ACMEError) {
        let list = identifier.tnAuthList
        let hasNumbers = !list.telephoneNumbers.isEmpty || !list.ranges.isEmpty
        let spcs = list.serviceProviderCodes
        switch mode {
        case .stiCA:
            if !spcs.isEmpty {
                guard spcs.count == 1, !hasNumbers else {
                    throw ACMEError(.rejectedIdentifier, "an STI-CA certifies one SPC, or TNs without an SPC, not \(list)")
                }
            }
        case .stiSCA(let scope):
            guard spcs.isEmpty, hasNumbers else {
                throw ACMEError(.rejectedIdentifier, "an STI-SCA delegates TNs and ranges only (ATIS-1000092 §5.3.6), not \(list)")
            }
            switch scope.encompasses(TNScope(list)) {
            case .encompassed:
                return
            case .notEncompassed(let uncovered):
                throw ACMEError(
                    .rejectedIdentifier,
                    "outside the numbers this STI-SCA holds: \(uncovered.map(\.description).joined(separator: ", "))"
                )
            case .unprovable(let numbers, _):
                throw ACMEError(
                    .rejectedIdentifier,
                    "outside the numbers this STI-SCA holds: \(numbers.map(\.description).joined(separator: ", "))"
                )
            }
        }
    }

    /// The plan for a finalize request.
    ///
    /// - Parameters:
    ///   - identifier: the order's identifier.
    ///   - requestsCA: whether the CSR asks basicConstraints cA=TRUE.
    ///   - grantsCA: whether the validated SPC token had `atc.ca` true.
    /// - Throws: ``ACMEError/Code/badCSR`` when a CA certificate is asked without `ca:true`, or the
    ///   identifier cannot have one; ``ACMEError/Code/rejectedIdentifier`` from ``admit(_:)``.
    public func plan(for identifier: TNAuthListIdentifier, requestsCA: Bool, grantsCA: Bool) throws(ACMEError) -> Plan {
        try admit(identifier)
        if requestsCA && !grantsCA {
            throw ACMEError(.badCSR, "the CSR asks cA=TRUE but the SPC token did not grant ca:true (RFC 9448 §5)")
        }
        let isSPC = !identifier.tnAuthList.serviceProviderCodes.isEmpty
        switch (mode, isSPC, requestsCA) {
        case (.stiCA, true, false):
            return Plan(profile: .endEntity, lifetime: endEntityLifetime, linter: STICertificateLinter())
        case (.stiCA, true, true):
            return Plan(profile: .subordinateCA, lifetime: caLifetime, linter: STICertificateLinter())
        case (.stiCA, false, false):
            let rules = STILintRules.all.filter { !Self.tnLevelExemptRules.contains($0.id) }
            return Plan(profile: .endEntity, lifetime: endEntityLifetime, linter: STICertificateLinter(rules: rules))
        case (.stiCA, false, true):
            throw ACMEError(.badCSR, "an STI-CA issues CA certificates for an SPC only; TN-level certificates are end-entity")
        case (.stiSCA, _, false):
            return Plan(profile: .delegateEndEntity, lifetime: endEntityLifetime, linter: STICertificateLinter())
        case (.stiSCA, _, true):
            return Plan(profile: .delegateCA, lifetime: caLifetime, linter: STICertificateLinter())
        }
    }
}
