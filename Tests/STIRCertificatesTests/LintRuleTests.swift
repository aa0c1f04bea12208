import STIRCertificates
import STIRTesting
import Testing
import X509

@Suite("STI certificate lint rules")
struct LintRuleTests {
    static let linter = STICertificateLinter()

    static var cleanEntities: [(String, TestPKI.Entity, STICertificateProfile)] {
        let pki = Fixtures.pki
        return [
            ("root", pki.root, .root), ("intermediate", pki.intermediate, .intermediate),
            ("endEntity", pki.endEntity, .endEntity), ("subordinateCA", pki.subordinateCA, .subordinateCA),
            ("delegateEndEntity", pki.delegateEndEntity, .delegateEndEntity), ("delegateCA", pki.delegateCA, .delegateCA),
            ("delegateCAEndEntity", pki.delegateCAEndEntity, .delegateEndEntity),
        ]
    }

    @Test("Every certificate of the test PKI lints clean and classifies as its profile", arguments: 0..<7)
    func cleanPKI(index: Int) {
        let (label, entity, profile) = Self.cleanEntities[index]
        let issuer = Fixtures.pki.issuerEntity(of: entity)?.certificate
        #expect(Self.linter.lint(entity.certificate, issuer: issuer, profile: profile) == [], "\(label)")
        #expect(Self.linter.lint(entity.certificate, issuer: issuer) == [], "\(label) auto-classified")
        #expect(STICertificateProfile.classify(entity.certificate, issuer: issuer) == profile, "\(label)")
    }

    @Test("A certificate that breaks exactly one requirement yields exactly that finding", arguments: LintCase.all)
    func negative(_ sample: LintCase) throws {
        let (certificate, issuer, profile) = try sample.make(Fixtures.pki)
        let findings = Self.linter.lint(certificate, issuer: issuer, profile: profile)
        #expect(findings.map(\.rule) == [sample.rule], "\(findings)")
        let rule = try #require(STILintRules.all.first { $0.id == sample.rule })
        #expect(findings.first?.level == rule.level)
        #expect(findings.first?.source == rule.source)
    }

    @Test("Every registered rule has a negative case, and rule ids are unique and prefixed by level")
    func registryCoverage() {
        let ids = STILintRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(LintCase.all.map(\.rule)))
        for rule in STILintRules.all {
            let prefix = switch rule.level {
            case .error: "e_sti_"
            case .warning: "w_sti_"
            case .notice: "n_sti_"
            }
            #expect(rule.id.hasPrefix(prefix), "\(rule.id)")
        }
    }

    @Test("Every rule passes on the clean certificates of the profiles it applies to", arguments: STILintRules.all.map(\.id))
    func positive(ruleID: String) throws {
        let rule = try #require(STILintRules.all.first { $0.id == ruleID })
        var applied = 0
        for (label, entity, profile) in Self.cleanEntities where rule.appliesTo(profile) {
            let issuer = Fixtures.pki.issuerEntity(of: entity)?.certificate
            let context = LintContext(certificate: entity.certificate, issuer: issuer, profile: profile, policy: SHAKENPolicy())
            if case .fail(let message) = rule.check(context) {
                Issue.record("\(ruleID) fails on \(label): \(message)")
            }
            applied += 1
        }
        #expect(applied > 0)
    }

    @Test("A narrower accepted policy set rejects other SHAKEN CP versions")
    func configurablePolicies() {
        let strict = STICertificateLinter(policy: SHAKENPolicy(acceptedPolicies: [SHAKENPolicy.v1_3]))
        let pki = Fixtures.pki
        #expect(strict.lint(pki.endEntity.certificate, issuer: pki.intermediate.certificate).map(\.rule) == ["e_sti_cp_shaken_oid"])
    }
}
