/* messages_id.c — the Indonesian messages (see messages.h). Numbers in
 * them are written with a decimal comma; dates stay ISO (2025-09-10). */
#include "messages.h"

const char *const rl_messages_id[RL_MSG_COUNT] = {
    [RL_MSG_SUM] = "total {actual}, tetapi jumlah rinciannya {expected} (selisih {imbalance})",
    [RL_MSG_RATIO] = "tercantum {actual}, tetapi {numerator} / {denominator} × {scale} = "
                     "{expected} (selisih {imbalance}, toleransi {tolerance})",
    [RL_MSG_AVERAGE] = "rata-rata yang tercantum {actual}, seharusnya {expected} = {total} / "
                       "{count} (selisih {imbalance})",
    [RL_MSG_THRESHOLD_MIN] = "{value} di bawah batas minimum {min}",
    [RL_MSG_THRESHOLD_MAX] = "{value} di atas batas maksimum {max}",
    [RL_MSG_THRESHOLD_XMIN] = "{value} tidak lebih besar dari batas minimum {min} "
                              "(harus lebih besar)",
    [RL_MSG_THRESHOLD_XMAX] = "{value} tidak lebih kecil dari batas maksimum {max} "
                              "(harus lebih kecil)",
    [RL_MSG_DEADLINE_LATE] = "selesai {done}: terlambat {days_late} hari (tenggat {due})",
    [RL_MSG_DEADLINE_OVERDUE] =
        "per {as_of} belum selesai: lewat tenggat {days_late} hari (tenggat {due})",
    [RL_MSG_PATTERN_NOMATCH] = "'{value}' tidak sesuai dengan pola {regex}",
    [RL_MSG_PATTERN_LIMIT] = "batas pencocokan terlampaui saat mencocokkan pola {regex} dengan "
                             "nilai ini (dianggap pelanggaran)",
    [RL_MSG_PATTERN_TYPE] = "{value} bukan teks atau angka, sehingga tidak dapat dicocokkan "
                            "dengan pola {regex}",
    [RL_MSG_UNIQUE] = "kunci ganda {key} (pertama kali muncul di {first})",
    [RL_MSG_EXPR_FALSE] = "syarat tidak terpenuhi: {assert}",
    [RL_MSG_EXPR_TYPE] = "syarat {assert} menghasilkan {value}, bukan true atau false",
    [RL_MSG_SCHEMA] = "{detail} (skema {schema})",
    [RL_MSG_CADENCE_MISSING_DAY] = "tidak ada laporan yang diserahkan pada {period_start}",
    [RL_MSG_CADENCE_MISSING_WEEK] = "tidak ada laporan yang diserahkan pada minggu "
                                    "{period_start} (Senin) sampai {period_end}",
    [RL_MSG_CADENCE_MISSING_MONTH] = "tidak ada laporan yang diserahkan pada bulan {period} "
                                     "({period_start} sampai {period_end})",
    [RL_MSG_CADENCE_MISSING_MORE] = "masih ada {count} periode lain tanpa laporan hingga "
                                    "{period_end} (tidak dirinci satu per satu)",
    [RL_MSG_CADENCE_WRONG_WEEKDAY] = "{date} adalah hari {day_name}; laporan wajib diserahkan "
                                     "setiap hari {due_days}",
    [RL_MSG_CADENCE_WRONG_MONTHDAY] = "{date} adalah tanggal {day}; laporan wajib diserahkan "
                                      "setiap tanggal {expected_day}",
    [RL_MSG_CADENCE_DUP_DAY] = "{count} laporan diserahkan pada {period_start}; seharusnya "
                               "hanya satu",
    [RL_MSG_CADENCE_DUP_WEEK] = "{count} laporan diserahkan pada minggu {period_start} (Senin) "
                                "sampai {period_end}; seharusnya hanya satu",
    [RL_MSG_CADENCE_DUP_MONTH] = "{count} laporan diserahkan pada bulan {period} ({period_start} "
                                 "sampai {period_end}); seharusnya hanya satu",
    [RL_MSG_CADENCE_NOT_DAY] = "tanggal penyerahan '{value}' adalah suatu periode, bukan satu "
                               "hari",
    [RL_MSG_MISSING_DATA] =
        "data tidak tersedia di {item}: {missing} tidak ada, sehingga {field} ({expr}) tidak memiliki nilai",
    [RL_MSG_EVAL_ERROR] = "tidak dapat menghitung {expr}: {detail}",
    [RL_MSG_ZERO_DIVISOR] =
        "di {item}: {field} ({expr}) bernilai 0, sehingga nilai tercantum {actual} tidak dapat diperiksa (pembagian dengan nol)",
    [RL_MSG_INVALID_JSON] = "JSON tidak valid: {detail}",
    [RL_MSG_CANNOT_OPEN] = "tidak dapat membuka berkas: {detail}",
    [RL_MSG_CANNOT_READ] = "tidak dapat membaca berkas: {detail}",
    [RL_MSG_AS_OF_NOT_DATE] = "as_of bukan tanggal: {detail}",
    [RL_MSG_MORE_VIOLATIONS] =
        "pelanggaran yang tidak ditampilkan: {count} lagi (batasnya {limit} per laporan, --max-violations)",
    [RL_MSG_TIMEOUT] =
        "pemeriksaan dihentikan setelah {seconds} detik (--timeout) pada aturan {rule}: laporan tidak diperiksa sepenuhnya",
    [RL_MSG_TIMEOUT_READING] =
        "pemeriksaan dihentikan setelah {seconds} detik (--timeout) saat membaca laporan: laporan tidak diperiksa",
    [RL_MSG_MEMORY] =
        "pemeriksaan dihentikan: laporan membutuhkan lebih dari {max} bita memori (--max-memory) pada aturan {rule}: laporan tidak diperiksa sepenuhnya",
    [RL_MSG_MEMORY_READING] =
        "pemeriksaan dihentikan: laporan membutuhkan lebih dari {max} bita memori (--max-memory) saat dibaca: laporan tidak diperiksa",
    [RL_MSG_LOCALE_UNKNOWN] = "report.locale: {detail}; laporan tidak diperiksa",
    [RL_MSG_LOCALE_NOT_NAME] =
        "report.locale harus berupa nama lokal seperti \"vi\" (didukung: {detail}); laporan tidak diperiksa",
    [RL_MSG_LOCALE_FLAG] = "--locale: {detail}; laporan tidak diperiksa",
    [RL_MSG_DUPLICATE_KEY] =
        "kunci '{key}' ganda (pertama di {first}); aturan membaca yang terakhir, di {used}",
    [RL_MSG_RULE_NEVER_APPLIED] =
        "aturan {rule} tidak pernah berlaku dalam proses ini (evaluasi: {evaluations}; tidak ada yang lulus atau gagal): periksa each, when, dan jalurnya",
    [RL_MSG_SUMMARY] = "{violations} ({errors}, {warnings}, {infos}) dalam {files}; {rules}, "
                       "{evaluations}: {passed} lolos, {failed} gagal, {not_applicable} tidak "
                       "berlaku",
    [RL_MSG_RULE_COUNTS] =
        "{evaluations}: {passed} lolos, {failed} gagal, {not_applicable} tidak berlaku",
    [RL_MSG_DAY_NAME_1] = "Senin",
    [RL_MSG_DAY_NAME_2] = "Selasa",
    [RL_MSG_DAY_NAME_3] = "Rabu",
    [RL_MSG_DAY_NAME_4] = "Kamis",
    [RL_MSG_DAY_NAME_5] = "Jumat",
    [RL_MSG_DAY_NAME_6] = "Sabtu",
    [RL_MSG_DAY_NAME_7] = "Minggu",
    [RL_MSG_ON_DAYS_1] = "Senin",
    [RL_MSG_ON_DAYS_2] = "Selasa",
    [RL_MSG_ON_DAYS_3] = "Rabu",
    [RL_MSG_ON_DAYS_4] = "Kamis",
    [RL_MSG_ON_DAYS_5] = "Jumat",
    [RL_MSG_ON_DAYS_6] = "Sabtu",
    [RL_MSG_ON_DAYS_7] = "Minggu",
    [RL_MSG_WORD_FILE_OK] = "tidak ada pelanggaran",
    [RL_MSG_WORD_BY_RULE] = "pelanggaran per aturan:",
    [RL_MSG_WORD_RULES_RUN] = "aturan yang dijalankan",
    [RL_MSG_WORD_LATE] = "terlambat",
    [RL_MSG_WORD_OVERDUE] = "lewat tenggat",
    [RL_MSG_HTML_TITLE] = "Laporan reportlint",
    [RL_MSG_HTML_SKIP] = "Langsung ke pelanggaran",
    [RL_MSG_HTML_SUMMARY] = "Ringkasan",
    [RL_MSG_HTML_CHART_RULES] = "Pelanggaran per aturan",
    [RL_MSG_HTML_CHART_FILES] = "Pelanggaran per berkas",
    [RL_MSG_HTML_FILTERS] = "Saring pelanggaran",
    [RL_MSG_HTML_SEVERITY] = "Tingkat",
    [RL_MSG_HTML_RULE] = "Aturan",
    [RL_MSG_HTML_FILE] = "Berkas",
    [RL_MSG_HTML_ALL] = "semua",
    [RL_MSG_HTML_SHOWN] = "Ditampilkan",
    [RL_MSG_HTML_BY_FILE] = "Pelanggaran di setiap berkas",
    [RL_MSG_HTML_POSITION] = "Baris:kolom",
    [RL_MSG_HTML_POINTER] = "Lokasi dalam data",
    [RL_MSG_HTML_FIGURES] = "Angka",
    [RL_MSG_HTML_SOURCE] = "Baris-baris laporan",
    [RL_MSG_HTML_NO_SOURCE] =
        "Teks laporan tidak ditampilkan: dibaca dari masukan standar atau tidak dapat dibaca lagi.",
    [RL_MSG_HTML_RULES] = "Hasil per aturan",
    [RL_MSG_HTML_TITLE_COL] = "Judul",
    [RL_MSG_HTML_EVALUATIONS] = "Evaluasi",
    [RL_MSG_HTML_PASSED] = "Lulus",
    [RL_MSG_HTML_FAILED] = "Gagal",
    [RL_MSG_HTML_NOT_APPLICABLE] = "Tidak berlaku",
    [RL_MSG_HTML_VIOLATIONS] = "Pelanggaran",
    [RL_MSG_HTML_CLEAN_FILES] = "Berkas tanpa pelanggaran",
    [RL_MSG_HTML_FILES_NAV] = "Berkas",
    [RL_MSG_HTML_NONE] = "Tidak ada pelanggaran.",
    [RL_MSG_HTML_LONG_LINE] = "(baris terlalu panjang untuk ditampilkan)",
    [RL_MSG_NOUN_VIOLATION] = "pelanggaran",
    [RL_MSG_NOUN_ERROR] = "kesalahan",
    [RL_MSG_NOUN_WARNING] = "peringatan",
    [RL_MSG_NOUN_INFO] = "info",
    [RL_MSG_NOUN_FILE] = "berkas",
    [RL_MSG_NOUN_RULE] = "aturan",
    [RL_MSG_NOUN_EVALUATION] = "pemeriksaan",
};
