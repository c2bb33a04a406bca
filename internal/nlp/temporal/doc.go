// Package temporal finds temporal and numeric expressions in news text —
// DATE, TIME, MONEY, PERCENT and QUANTITY — and normalises their values.
//
// The engine is language-agnostic: a small scanner turns the raw text into
// words, digit runs and symbols (keeping code-point offsets, so it needs no
// tokenizer), merges numbers by the language's format ("1 000", "3,5",
// "1,000.5"), then runs patterns over them. Everything specific to a
// language — month and weekday names, number words, magnitudes,
// currencies, units and the patterns themselves — lives in plain data
// files under data/<lang>/ (see data/README.md); data/common/ holds what is
// written the same everywhere (€, $, %, km, ISO dates). A language is
// added by adding a folder. At each position the longest match wins.
// Languages with data: de, en, es, fr, it, nl, pl, pt, ru. Inflected
// languages list each case form news uses as its own entry (Russian "мая"
// after a day, "мае" after "в"; Polish "w środę", "w zeszłym roku").
//
// # Values
//
//   - DATE: ISO 8601 at the precision written: 2024-06-18 (day), 2024-09
//     (month), 2024 (year), 2024-W25 (ISO week: "cette semaine", "last
//     week"), 2024-Q1 (quarter), 2024-H1 (half-year), 199 (decade: "the 1990s", ISO 8601-2),
//     2023-22 (season, ISO 8601-2 codes 21 spring … 24 winter: "l'été
//     dernier"), 2024-06-15/2024-06-16 (a weekend, as an interval).
//   - A range is one DATE whose value is an ISO 8601 interval, start/end,
//     each end at the precision written (as TIMEX3 and Duckling give
//     intervals): "du 3 au 5 juin", "June 3–5, 2024", "3-5 June" →
//     2024-06-03/2024-06-05; "entre 2020 et 2022", "from 2019 to 2021",
//     "2020-2022" → 2020/2022; "de janvier à mars 2024" → 2024-01/2024-03.
//     An end takes what it leaves out from the other ("du 3 au 5 juin":
//     the 3rd of June); the span includes the words of the range ("du",
//     "between"). A date reached "jusqu'au"/"until" is an interval open at
//     the start (ISO 8601-2 ".."): "jusqu'au 15 mars" → ../2024-03-15,
//     "jusqu'en 2027" → ../2027. An end before the start is no range: the
//     dates are then read one by one. The other languages write the same
//     ranges their way ("vom 3. bis 5. Juni", "del 3 al 5 de junio", "dal
//     3 al 5 giugno", "van 3 tot 5 juni", "de 3 a 5 de junho", "od 3 do 5
//     czerwca", "с 3 по 5 июня", "bis zum 15. März", "hasta el 15 de
//     marzo", "do 15 lipca", "до 15 июля").
//   - TIME: the time of day, "T14:30" ("14h30", "2:30 pm", "midi");
//     "T08:30Z" when written in GMT/UTC ("08H30 GMT", and the start of
//     "0900-1400 GMT").
//   - A year or month qualified by its part is one DATE at the precision
//     of the year or month: "fin 2023", "the end of 2025", "late 2026",
//     "Ende 2026", "finales de 2025" → 2025…; "la fin de l'année", "by
//     the end of the year", "early next year", "later this week" → the
//     year or week of ref shifted. The years of a list are each a DATE
//     ("in 1997, 2000 and 2002"), and so is the first of two days of a
//     month ("les 17 et 18 juillet": "17" → 2024-07-17).
//   - MONEY: amount in plain decimal and ISO 4217 code, "3500000000 EUR".
//   - PERCENT: the number only, "12" for "12 %" and "3.5" for "3,5 pour
//     cent"; percentage points are PERCENT too ("half a percentage point"
//     → "0.5", "a quarter-point" → "0.25"), and so are basis points and
//     Spanish décimas, in points ("25 basis points", "25 points de base"
//     → "0.25"; "cuatro décimas" → "0.4").
//   - QUANTITY: amount and normalised unit, "24 year", "2 hour", "500 km",
//     "42.5 °C". Only measures with a unit are QUANTITY (durations, ages,
//     distances, areas, masses, volumes, temperatures, speeds, power); bare
//     counts ("3 000 soldats") are not reported. A sign written before a
//     percentage or quantity is kept ("-0,5 %" → "-0.5", "−12 °C" →
//     "-12 °C"), and so is "minus" ("minus 10 degrees" → "-10 degree").
//     A half after the number or its unit is added ("four and a half
//     years" → "4.5 year"; "deux ans et demi", "un año y medio",
//     "zweieinhalb Jahre"). The start of a range of amounts is reported on its
//     own with the unit of the end ("6 to 8 degrees", "de 50 à 80 mm",
//     "entre 10 y 15 años": "6" → "6 degree", then "8 degrees").
//
// # Resolving relative dates
//
// Relative dates are resolved against the reference time passed to
// Extract (the article's publication time); with a zero reference their
// span is still reported, with an empty Value. Absolute dates with a year
// always get their value.
//
//   - hier/yesterday, aujourd'hui/today, demain/tomorrow: ref ± days.
//   - A weekday alone ("lundi", "on Monday") is the one in [ref−4 days,
//     ref+2 days]: wires mostly report the past, but announce the next few
//     days. With ref on Wednesday 2024-06-19: lundi → 2024-06-17,
//     vendredi → 2024-06-21, samedi → 2024-06-15. When the words before
//     it show a tense (tense.txt of the language, for de, en, es, fr, pl
//     and ru: "a annoncé jeudi", "said Thursday", "anunció el jueves";
//     "se rendra samedi", "will travel Saturday", "wird am Samstag"), it is
//     the one in [ref−6, ref] or in [ref, ref+6] instead: jeudi → 2024-06-13,
//     samedi → 2024-06-22.
//     "lundi dernier"/"last Monday" is the one in [ref−7, ref−1],
//     "mardi prochain"/"next Tuesday" the one in [ref+1, ref+7].
//   - A date without a year ("mercredi 18 juin", "June 30", "en mars")
//     takes, among ref's year and the years before and after, the one
//     nearest to ref, a future distance counting double, and, when the
//     words before it show a tense, not one after ref in the past ("les
//     ventes ont progressé en septembre" → 2023-09) nor one before ref in
//     the future ("will take effect on Jan. 1" → 2025-01-01). A weekday
//     written with the date picks the year where it fits, unless the nearest
//     candidate is within a month of ref (then the weekday is taken for a
//     slip: "mercredi 18 juin" published on 2024-06-19 is 2024-06-18).
//   - "septembre dernier"/"last September": the latest September strictly
//     before ref's month (2023-09 for ref 2024-06-19); "juillet
//     prochain"/"next July": the first one strictly after; "September last
//     year": that month of ref's year − 1.
//   - "il y a deux semaines"/"two weeks ago", "dans trois jours"/"in three
//     days": ref shifted; days and weeks give a day (ref − 14 days), months
//     a month, years a year. Hours and minutes ("il y a deux heures") are
//     reported as QUANTITY.
//   - "la semaine dernière", "le mois prochain", "l'an dernier", "this
//     year": the ISO week, month or year of ref shifted.
//   - Seasons: "l'été dernier"/"last summer" is the last one that ended
//     before ref's month, "next spring" the next one to start after it,
//     "cet été" the one of ref's year. Weekends: "ce week-end" is the one
//     whose Saturday is in [ref−2, ref+4] (read on a Monday, the one just
//     past); "le week-end dernier", "over the weekend" the last one before
//     ref.
//
// Numeric dates follow the language's dateorder: day first (03/04/2021 =
// 3 April) except in English, read month first as US wires write it; a
// first number over 12 is taken as the day either way. Two-digit years
// are 1950–2049.
//
// # Ambiguity
//
// A month name that is also a common word or name (French "mars", "sept",
// English "May", "March", abbreviations "Jan", "Sun") counts only with
// dating context: a day number or year next to it, or a context word
// before it ("en mars", "in May", "depuis mars", "last May"). A capitalised
// French month ("Mars", "Mai") needs the same context, since French
// months are written in lower case; an English month must be capitalised.
// A bare four-digit number is a year only after a dating word ("en 2019",
// "since 2014", "d'ici 2030", "the 2024 election") and not before a unit
// or currency. Data files can also mark phrases to skip ("por la mañana"
// is not "mañana", tomorrow).
//
// A range without a year is placed like a single date from its start, its
// end moving to the next year when it would come first ("du 28 décembre au
// 3 janvier").
//
// Not handled: ranges of weekdays alone ("du lundi au vendredi" gives two
// dates) and open ends other than "until" ("depuis le 7 octobre", "à
// partir de 2025" keep a single date), times of day without a number
// ("dans la matinée"), the verb's tense (a date without a year in a
// past-tense sentence may still be read as the coming one).
//
// # Use
//
// Build one Extractor with New and share it: it is immutable and safe for
// concurrent use. Extract works on raw text; Annotate adds the expressions
// of an analysis.Analysis as mentions.
package temporal
