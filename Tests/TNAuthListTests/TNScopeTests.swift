import Testing
@testable import TNAuthList

@Suite("TNScope normal form and membership")
struct TNScopeTests {
    @Test("Overlapping and adjacent intervals merge; numbers of other lengths stay apart")
    func normalForm() throws {
        let scope = try scope(
            .range(range("100", 10)),  // 100...109
            .range(range("105", 10)),  // 105...114, overlaps
            .tn(tn("115")),  // adjacent
            .range(range("200", 2)),
            .tn(tn("0100")),
            .spc(spc("A")),
            .tn(tn("*67"))
        )
        #expect(scope.numberIntervals == [3: [100...115, 200...201], 4: [100...100]])
        #expect(scope.spcs == [try spc("A")])
        #expect(scope.nonNumericNumbers == [try tn("*67")])
        #expect(scope.entries.map(\.description) == ["spc:A", "range:100+16", "range:200+2", "tn:0100", "tn:*67"])
    }

    @Test("Equal scopes from differently split lists compare equal")
    func equalScopes() throws {
        let split = try scope(.range(range("10", 5)), .range(range("15", 5)))
        let whole = try scope(.range(range("10", 10)))
        let singles = TNScope(entries: try (10...19).map { .tn(try tn(String($0))) })
        #expect(split == whole)
        #expect(singles == whole)
    }

    @Test("contains finds numbers in ranges and singles, and wildcard numbers only exactly")
    func contains() throws {
        let list = try TNAuthorizationList(
            derEncoded: bytes(
                hex: "303BA1123010160B313230323535353031303002010AA10E300C16073535353031303002010AA20D160B3132303235353539393939A20616042A363723"
            )
        )
        let scope = TNScope(list)
        for inside in ["12025550100", "12025550109", "5550100", "5550109", "12025559999", "*67#"] {
            #expect(try scope.contains(tn(inside)), "\(inside)")
        }
        for outside in ["12025550110", "12025550099", "5550110", "05550100", "12025559998", "*67", "*68#", "1202555010"] {
            #expect(try !scope.contains(tn(outside)), "\(outside)")
        }
    }

    @Test("Empty and SPC-only scopes report isEmpty and hasNumbers correctly")
    func emptiness() throws {
        #expect(TNScope().isEmpty)
        #expect(!TNScope().hasNumbers)
        let codes = try scope(.spc(spc("1234")))
        #expect(!codes.isEmpty)
        #expect(!codes.hasNumbers)
        #expect(try scope(.tn(tn("*"))).hasNumbers)
        #expect(codes.contains(try spc("1234")))
        #expect(!codes.contains(try spc("4321")))
    }

    @Test("union and subtracting split intervals into minimal pieces")
    func algebra() throws {
        let a = try scope(.range(range("100", 100)), .spc(spc("A")))  // 100...199
        let b = try scope(.range(range("120", 10)), .tn(tn("150")), .spc(spc("B")))
        #expect(a.subtracting(b).entries.map(\.description) == ["spc:A", "range:100+20", "range:130+20", "range:151+49"])
        #expect(a.union(b).entries.map(\.description) == ["spc:A", "spc:B", "range:100+100"])
        #expect(b.subtracting(a).entries.map(\.description) == ["spc:B"])
        #expect(a.numbersOnly.spcs.isEmpty)
    }
}

@Suite("RFC 9060 §4 encompassing")
struct EncompassingTests {
    /// +1-212-555-1000 through 1999.
    static func rfcParent() throws -> TNScope {
        try scope(.range(range("12125551000", 1000)))
    }

    @Test("The RFC 9060 example children 1500-1599 and 1824 are encompassed")
    func rfcExample() throws {
        let parent = try Self.rfcParent()
        #expect(parent.encompasses(try scope(.range(range("12125551500", 100)))) == .encompassed)
        #expect(parent.encompasses(try scope(.tn(tn("12125551824")))) == .encompassed)
        #expect(parent.encompasses(parent) == .encompassed)
    }

    @Test("A child range reaching past the parent reports only the part outside")
    func outOfRange() throws {
        let parent = try Self.rfcParent()
        let result = parent.encompasses(try scope(.range(range("12125551990", 20))))
        #expect(result == .notEncompassed(uncovered: [.range(try range("12125552000", 10))]))
        let single = parent.encompasses(try scope(.tn(tn("12125552000"))))
        #expect(single == .notEncompassed(uncovered: [.tn(try tn("12125552000"))]))
    }

    @Test("A child range split across two touching parent ranges is encompassed")
    func splitAcrossTouchingRanges() throws {
        let parent = try scope(.range(range("5550100", 50)), .range(range("5550150", 50)))
        #expect(parent.encompasses(try scope(.range(range("5550140", 20)))) == .encompassed)
        let gap = try scope(.range(range("5550100", 50)), .range(range("5550151", 49)))
        #expect(gap.encompasses(try scope(.range(range("5550140", 20)))) == .notEncompassed(uncovered: [.tn(try tn("5550150"))]))
    }

    @Test("Parent single numbers fill gaps between parent ranges")
    func singlesFillGaps() throws {
        let parent = try scope(.range(range("100", 10)), .tn(tn("110")), .range(range("111", 9)))
        #expect(parent.encompasses(try scope(.range(range("105", 15)))) == .encompassed)
    }

    @Test("A number of another width is never encompassed")
    func wrongWidth() throws {
        let parent = try Self.rfcParent()
        #expect(parent.encompasses(try scope(.tn(tn("2125551500")))) == .notEncompassed(uncovered: [.tn(try tn("2125551500"))]))
        #expect(parent.encompasses(try scope(.tn(tn("012125551500")))) != .encompassed)
    }

    @Test("A spilling child range cannot even be built")
    func spills() throws {
        let start = try tn("12125551999")
        #expect(tnAuthListErrorCode { _ = try TelephoneNumberRange(start: start, count: 100_000_000_002) } == .rangeSpillsDigitLength)
    }

    @Test("An SPC is encompassed only by the same SPC, never by numbers")
    func spcRules() throws {
        let parentSPC = try scope(.spc(spc("1234")))
        #expect(parentSPC.encompasses(try scope(.spc(spc("1234")))) == .encompassed)
        #expect(parentSPC.encompasses(try scope(.spc(spc("4321")))) == .notEncompassed(uncovered: [.spc(try spc("4321"))]))
        let parentNumbers = try Self.rfcParent()
        #expect(parentNumbers.encompasses(try scope(.spc(spc("1234")))) == .notEncompassed(uncovered: [.spc(try spc("1234"))]))
    }

    @Test("Numbers under an SPC-only parent are unprovable, naming the parent's codes")
    func numbersUnderSPC() throws {
        let parent = try scope(.spc(spc("1234")), .spc(spc("5678")))
        let child = try scope(.range(range("12125551500", 100)))
        #expect(
            parent.encompasses(child)
                == .unprovable(numbers: [.range(try range("12125551500", 100))], underSPCs: [try spc("1234"), try spc("5678")])
        )
    }

    @Test("Numbers partly covered by a mixed parent leave only the uncovered piece unprovable")
    func mixedParent() throws {
        let parent = try scope(.spc(spc("1234")), .range(range("100", 50)))
        let result = parent.encompasses(try scope(.range(range("140", 20)), .spc(spc("1234"))))
        #expect(result == .unprovable(numbers: [.range(try range("150", 10))], underSPCs: [try spc("1234")]))
    }

    @Test("An uncovered child SPC makes the result notEncompassed even when numbers are unprovable")
    func uncoveredSPCWins() throws {
        let parent = try scope(.spc(spc("1234")))
        let result = parent.encompasses(try scope(.spc(spc("9999")), .tn(tn("100"))))
        #expect(result == .notEncompassed(uncovered: [.spc(try spc("9999")), .tn(try tn("100"))]))
    }

    @Test("Wildcard numbers are encompassed only by the identical number")
    func wildcards() throws {
        let parent = try scope(.tn(tn("*67#")), .range(range("100", 10)))
        #expect(parent.encompasses(try scope(.tn(tn("*67#")))) == .encompassed)
        #expect(parent.encompasses(try scope(.tn(tn("*68#")))) == .notEncompassed(uncovered: [.tn(try tn("*68#"))]))
        #expect(parent.encompasses(try scope(.tn(tn("10*")))) == .notEncompassed(uncovered: [.tn(try tn("10*"))]))
    }

    @Test("The empty child is encompassed by any parent; a non-empty child is not encompassed by the empty parent")
    func empty() throws {
        #expect(TNScope().encompasses(TNScope()) == .encompassed)
        #expect(TNScope().encompasses(try scope(.tn(tn("1")))) == .notEncompassed(uncovered: [.tn(try tn("1"))]))
    }

    @Test("The Botan delegation pair: sub_range is encompassed by ca_ranges")
    func botanPair() throws {
        let parent = TNScope(
            try TNAuthorizationList(
                derEncoded: bytes(
                    hex: "303BA1123010160B313230323535353031303002010AA10E300C16073535353031303002010AA20D160B3132303235353539393939A20616042A363723"
                )
            )
        )
        let child = TNScope(try TNAuthorizationList(derEncoded: bytes(hex: "3014A1123010160B3132303235353530313032020103")))
        #expect(parent.encompasses(child) == .encompassed)
        #expect(child.encompasses(parent) != .encompassed)
    }
}

@Suite("Encompassing with a TN inventory")
struct InventoryEncompassingTests {
    struct FailingInventory: TNInventory {
        struct Unavailable: Error {}
        func numbers(heldBy spc: ServiceProviderCode) async throws -> TNScope? {
            throw Unavailable()
        }
    }

    @Test("Numbers held by the parent's SPC in the inventory are encompassed")
    func resolved() async throws {
        let parent = try scope(.spc(spc("1234")))
        let inventory = StaticTNInventory([try spc("1234"): try scope(.range(range("12125551000", 1000)), .spc(spc("X")))])
        let child = try scope(.range(range("12125551500", 100)))
        #expect(try await parent.encompasses(child, inventory: inventory) == .encompassed)
    }

    @Test("Numbers outside every resolved SPC's holdings are notEncompassed")
    func resolvedOutside() async throws {
        let parent = try scope(.spc(spc("1234")))
        let inventory = StaticTNInventory([try spc("1234"): try scope(.range(range("12125551000", 1000)))])
        let child = try scope(.range(range("12125551990", 20)))
        #expect(
            try await parent.encompasses(child, inventory: inventory)
                == .notEncompassed(uncovered: [.range(try range("12125552000", 10))])
        )
    }

    @Test("Codes unknown to the inventory keep the remainder unprovable under those codes only")
    func partlyResolved() async throws {
        let parent = try scope(.spc(spc("1234")), .spc(spc("5678")))
        let inventory = StaticTNInventory([try spc("1234"): try scope(.range(range("100", 50)))])
        let child = try scope(.range(range("140", 20)))
        #expect(
            try await parent.encompasses(child, inventory: inventory)
                == .unprovable(numbers: [.range(try range("150", 10))], underSPCs: [try spc("5678")])
        )
    }

    @Test("The inventory is not consulted when the certificates decide on their own")
    func notConsulted() async throws {
        let parent = try scope(.spc(spc("1234")), .range(range("100", 50)))
        #expect(try await parent.encompasses(try scope(.tn(tn("120"))), inventory: FailingInventory()) == .encompassed)
        #expect(
            try await parent.encompasses(try scope(.spc(spc("9"))), inventory: FailingInventory())
                == .notEncompassed(uncovered: [.spc(try spc("9"))])
        )
    }

    @Test("Inventory failures propagate to the caller")
    func failure() async throws {
        let parent = try scope(.spc(spc("1234")))
        let child = try scope(.tn(tn("100")))
        await #expect(throws: FailingInventory.Unavailable.self) {
            _ = try await parent.encompasses(child, inventory: FailingInventory())
        }
    }
}
