// A C interface to Google's libphonenumber (C++), so Swift needs no C++ interop. Only
// Sources/PhoneNumbers/PhoneNumberLibrary.swift includes this header.
#ifndef INVITESHEET_CPHONENUMBER_H
#define INVITESHEET_CPHONENUMBER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What libphonenumber's Parse reports (its ErrorType, same order; 0 = no error).
enum {
    ipn_parse_ok = 0,
    ipn_parse_invalid_country_code = 1,
    ipn_parse_not_a_number = 2,
    ipn_parse_too_short_after_idd = 3,
    ipn_parse_too_short_nsn = 4,
    ipn_parse_too_long = 5,
};

/// IsPossibleNumberWithReason (its ValidationResult, same order; 0 = possible).
enum {
    ipn_possible = 0,
    ipn_possible_local_only = 1,
    ipn_possible_invalid_country_code = 2,
    ipn_possible_too_short = 3,
    ipn_possible_invalid_length = 4,
    ipn_possible_too_long = 5,
};

/// PhoneNumberUtil::PhoneNumberType, in its own order.
enum {
    ipn_type_fixed_line = 0,
    ipn_type_mobile = 1,
    ipn_type_fixed_line_or_mobile = 2,
    ipn_type_toll_free = 3,
    ipn_type_premium_rate = 4,
    ipn_type_shared_cost = 5,
    ipn_type_voip = 6,
    ipn_type_personal_number = 7,
    ipn_type_pager = 8,
    ipn_type_uan = 9,
    ipn_type_voicemail = 10,
    ipn_type_unknown = 11,
};

typedef struct {
    int32_t valid;          // IsValidNumber
    int32_t type;           // ipn_type_*
    int32_t possibility;    // ipn_possible*
    int32_t country_code;
    uint64_t national_number;
    char region[4];         // region of the number ("SG"), "ZZ" when unknown; NUL-terminated
    char e164[24];          // "+6591234567"; NUL-terminated
} ipn_number;

/// Parses UTF-8 `text` (`length` bytes) as typed, with `default_region` ("SG") for numbers without +.
/// Returns ipn_parse_ok and fills `out`, or the parse error.
int ipn_parse(const char *text, size_t length, const char *default_region, ipn_number *out);

/// The same answers for a number given as country code and national number (no parsing, no leading zero).
void ipn_classify(int32_t country_code, uint64_t national_number, ipn_number *out);

/// The type (ipn_type_*) of a valid number given as country code and national number, or -1 when
/// the number is not valid. Cheaper than ipn_classify: the one question the Singapore fast path asks.
int32_t ipn_valid_type(int32_t country_code, uint64_t national_number);

/// The main region for a country calling code ("SG" for 65, "US" for 1), "ZZ" when no country has it.
void ipn_region_for_country_code(int32_t country_code, char region[4]);

#ifdef __cplusplus
}
#endif

#endif
