#pragma once
// Common given names used by the patient-name detector (SPEC section 5): a payer value of 2–3 Title-Case words
// whose first word is one of these is treated as a patient name. Lower-case, sorted, for binary search.
#include <array>
#include <string_view>

namespace upstream::phi {

inline constexpr std::array<std::string_view, 205> kCommonFirstNames = {
    "aaron",     "abigail",   "adam",        "aiden",      "alan",      "albert",   "alex",     "alexander",
    "alice",     "alicia",    "allison",     "amanda",     "amber",     "amy",      "andrea",   "andrew",
    "angela",    "ann",       "anna",        "anne",       "anthony",   "antonio",  "arthur",   "ashley",
    "austin",    "barbara",   "benjamin",    "betty",      "beverly",   "bill",     "billy",    "bobby",
    "brandon",   "brenda",    "brian",       "brittany",   "bruce",     "bryan",    "carl",     "carlos",
    "carol",     "carolyn",   "catherine",   "charles",    "charlotte", "cheryl",   "chloe",    "christian",
    "christina", "christine", "christopher", "cynthia",    "daniel",    "danielle", "david",    "deborah",
    "debra",     "dennis",    "diana",       "diane",      "donald",    "donna",    "doris",    "dorothy",
    "douglas",   "dylan",     "edward",      "elizabeth",  "emily",     "emma",     "eric",     "ethan",
    "eugene",    "evelyn",    "frances",     "frank",      "gabriel",   "gary",     "george",   "gerald",
    "gloria",    "grace",     "gregory",     "hannah",     "harold",    "heather",  "helen",    "henry",
    "isabella",  "jack",      "jacob",       "jacqueline", "james",     "janet",    "janice",   "jason",
    "jean",      "jeffrey",   "jennifer",    "jeremy",     "jerry",     "jesse",    "jessica",  "joan",
    "joe",       "john",      "jonathan",    "jordan",     "jose",      "joseph",   "joshua",   "joyce",
    "juan",      "judith",    "judy",        "julia",      "julie",     "justin",   "karen",    "katherine",
    "kathleen",  "kathryn",   "kayla",       "keith",      "kelly",     "kenneth",  "kevin",    "kimberly",
    "kyle",      "larry",     "laura",       "lauren",     "lawrence",  "linda",    "lisa",     "logan",
    "lori",      "louis",     "madison",     "margaret",   "maria",     "marie",    "marilyn",  "mark",
    "martha",    "mary",      "matthew",     "megan",      "melissa",   "michael",  "michelle", "nancy",
    "natalie",   "nathan",    "nicholas",    "nicole",     "noah",      "olivia",   "pamela",   "patricia",
    "patrick",   "paul",      "peter",       "philip",     "rachel",    "ralph",    "randy",    "raymond",
    "rebecca",   "richard",   "robert",      "roger",      "ronald",    "rose",     "roy",      "russell",
    "ruth",      "ryan",      "samantha",    "samuel",     "sandra",    "sara",     "sarah",    "scott",
    "sean",      "sharon",    "shirley",     "sophia",     "stephanie", "stephen",  "steven",   "susan",
    "teresa",    "terry",     "thomas",      "timothy",    "tyler",     "victoria", "vincent",  "virginia",
    "walter",    "wayne",     "william",     "willie",     "zachary",
};

} // namespace upstream::phi
