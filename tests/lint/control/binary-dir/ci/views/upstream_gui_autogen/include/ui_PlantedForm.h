// Planted for tst_clang_tidy_catches_planted_finding: stands for a file CMake generates in the binary dir
// (moc/uic output in <target>_autogen), which HeaderFilterRegex of .clang-tidy must leave out. Its finding must not
// be reported.
#pragma once

class uiPlantedFormBase {
public:
    virtual ~uiPlantedFormBase() = default;
    virtual int value() const { return 0; }
};

class uiPlantedFormDerived : public uiPlantedFormBase {
public:
    virtual int value() const { return 2; } // planted, must stay unreported: modernize-use-override
};
