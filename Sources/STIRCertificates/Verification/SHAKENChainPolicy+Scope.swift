import TNAuthList
import X509

extension SHAKENChainPolicy {
    /// RFC 9060 §4 encompassing at every (child, parent) link, following ATIS-1000092 §6.2 Figure 6.2
    /// as reconstructed in the spec digest §3:
    /// - parent without TNAuthList (root, STI-CA intermediate): the link is not a delegation; skipped;
    /// - parent with a TNAuthList and child without one: the child escapes the parent's scope → `scopeNotEncompassed`;
    /// - either side by reference: `byReferenceUnsupported` (the leaf's own case is reported by the profile check);
    /// - both by value: `TNScope.encompasses`, with SPC-only coverage handled by ``EncompassingMode``.
    func scopeLinks(_ chain: [Certificate]) async -> (links: [ScopeLinkResult], failures: [STIChainFailure]) {
        let sources = chain.map { (try? $0.extensions.tnAuthListSource) ?? .absent }
        var links: [ScopeLinkResult] = []
        var failures: [STIChainFailure] = []
        for child in chain.indices.dropLast() {
            let parent = child + 1
            let linkName = "certificate \(child) \(chain[child].chainLabel) under certificate \(parent) \(chain[parent].chainLabel)"
            switch (sources[child], sources[parent]) {
            case (_, .absent):
                continue
            case (.absent, _):
                failures.append(
                    STIChainFailure(
                        .scopeNotEncompassed,
                        "\(linkName): the child carries no TNAuthList, so it is not within the parent's scope",
                        certificateIndex: child
                    )
                )
            case (.byReference, _) where child == 0:
                continue
            case (.byReference, _), (_, .byReference):
                let at = isByReference(sources[child]) ? child : parent
                failures.append(
                    STIChainFailure(
                        .byReferenceUnsupported,
                        "\(linkName): a TNAuthList by reference cannot be checked for encompassing",
                        certificateIndex: at
                    )
                )
            case (.byValue(let childList), .byValue(let parentList)):
                let verdict = await encompassing(child: TNScope(childList), parent: TNScope(parentList))
                links.append(ScopeLinkResult(childIndex: child, parentIndex: parent, encompassing: verdict.result))
                if let failure = verdict.failure(linkName, child) {
                    failures.append(failure)
                }
            }
        }
        return (links, failures)
    }

    private func isByReference(_ source: TNAuthListSource) -> Bool {
        if case .byReference = source { return true }
        return false
    }

    private func encompassing(child: TNScope, parent: TNScope) async -> LinkVerdict {
        let direct = parent.encompasses(child)
        guard case .unprovable = direct, case .strict(let inventory) = configuration.encompassing else {
            return LinkVerdict(result: direct, strict: false, inventoryError: nil)
        }
        do {
            return LinkVerdict(result: try await parent.encompasses(child, inventory: inventory), strict: true, inventoryError: nil)
        } catch {
            return LinkVerdict(result: direct, strict: true, inventoryError: "\(error)")
        }
    }
}

/// One link's encompassing verdict and whether it fails the chain.
private struct LinkVerdict {
    let result: Encompassing
    let strict: Bool
    let inventoryError: String?

    func failure(_ linkName: String, _ child: Int) -> STIChainFailure? {
        switch result {
        case .encompassed:
            return nil
        case .notEncompassed(let uncovered):
            let entries = uncovered.map(String.init(describing:)).joined(separator: ", ")
            return STIChainFailure(.scopeNotEncompassed, "\(linkName): not encompassed, outside the parent: \(entries)", certificateIndex: child)
        case .unprovable(let numbers, let codes):
            guard strict else { return nil }
            let entries = numbers.map(String.init(describing:)).joined(separator: ", ")
            let spcs = codes.sorted().map(String.init(describing:)).joined(separator: ", ")
            let cause = inventoryError.map { "the TN inventory failed: \($0)" } ?? "the TN inventory does not place them under \(spcs)"
            return STIChainFailure(.scopeUnprovable, "\(linkName): numbers \(entries) are unprovable; \(cause)", certificateIndex: child)
        }
    }
}
