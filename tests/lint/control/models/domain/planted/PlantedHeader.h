// Planted for tst_clang_tidy_catches_planted_finding: a header on a product path (models/domain/...), so the
// HeaderFilterRegex of .clang-tidy must report its finding.
#pragma once

class PlantedBase {
public:
    virtual ~PlantedBase() = default;
    virtual int value() const { return 0; }
};

class PlantedDerived : public PlantedBase {
public:
    virtual int value() const { return 1; } // planted: modernize-use-override
};
