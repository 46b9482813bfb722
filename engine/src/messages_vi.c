/* messages_vi.c — the Vietnamese messages (see messages.h). Numbers in
 * them are written with a decimal comma; dates stay ISO (2025-09-10), as
 * the reports write them. */
#include "messages.h"

const char *const rl_messages_vi[RL_MSG_COUNT] = {
    [RL_MSG_SUM] = "tổng là {actual} nhưng các thành phần cộng lại bằng {expected} "
                   "(chênh lệch {imbalance})",
    [RL_MSG_RATIO] = "giá trị nêu là {actual}, nhưng {numerator} / {denominator} × {scale} = "
                     "{expected} (chênh lệch {imbalance}, dung sai {tolerance})",
    [RL_MSG_AVERAGE] = "giá trị trung bình nêu là {actual}, đúng ra phải là {expected} = {total} / "
                       "{count} (chênh lệch {imbalance})",
    [RL_MSG_THRESHOLD_MIN] = "{value} thấp hơn mức tối thiểu {min}",
    [RL_MSG_THRESHOLD_MAX] = "{value} vượt mức tối đa {max}",
    [RL_MSG_THRESHOLD_XMIN] = "{value} không lớn hơn mức tối thiểu {min} (phải lớn hơn hẳn)",
    [RL_MSG_THRESHOLD_XMAX] = "{value} không nhỏ hơn mức tối đa {max} (phải nhỏ hơn hẳn)",
    [RL_MSG_DEADLINE_LATE] = "hoàn thành {done}: chậm {days_late} ngày (thời hạn {due})",
    [RL_MSG_DEADLINE_OVERDUE] =
        "tính đến {as_of} vẫn chưa hoàn thành: quá hạn {days_late} ngày (thời hạn {due})",
    [RL_MSG_PATTERN_NOMATCH] = "'{value}' không khớp với mẫu {regex}",
    [RL_MSG_PATTERN_LIMIT] = "vượt quá giới hạn khi so khớp mẫu {regex} với giá trị này "
                             "(được tính là vi phạm)",
    [RL_MSG_PATTERN_TYPE] = "{value} không phải là chuỗi hay số nên không thể khớp với mẫu {regex}",
    [RL_MSG_UNIQUE] = "khóa {key} bị trùng (xuất hiện lần đầu tại {first})",
    [RL_MSG_EXPR_FALSE] = "điều kiện không được thỏa mãn: {assert}",
    [RL_MSG_EXPR_TYPE] = "điều kiện {assert} cho kết quả {value}, không phải true hay false",
    [RL_MSG_SCHEMA] = "{detail} (lược đồ {schema})",
    [RL_MSG_CADENCE_MISSING_DAY] = "không có báo cáo nào được nộp ngày {period_start}",
    [RL_MSG_CADENCE_MISSING_WEEK] = "không có báo cáo nào được nộp trong tuần từ {period_start} "
                                    "(thứ Hai) đến {period_end}",
    [RL_MSG_CADENCE_MISSING_MONTH] = "không có báo cáo nào được nộp trong tháng {period} "
                                     "(từ {period_start} đến {period_end})",
    [RL_MSG_CADENCE_MISSING_MORE] = "còn {count} kỳ khác không có báo cáo nào được nộp, tính đến "
                                    "{period_end} (không liệt kê từng kỳ)",
    [RL_MSG_CADENCE_WRONG_WEEKDAY] = "{date} là {day_name}; báo cáo phải nộp vào {due_days}",
    [RL_MSG_CADENCE_WRONG_MONTHDAY] = "{date} là ngày {day} trong tháng; báo cáo phải nộp vào "
                                      "ngày {expected_day} hằng tháng",
    [RL_MSG_CADENCE_DUP_DAY] = "có {count} báo cáo được nộp ngày {period_start}; chỉ cần một "
                               "báo cáo",
    [RL_MSG_CADENCE_DUP_WEEK] = "có {count} báo cáo được nộp trong tuần từ {period_start} "
                                "(thứ Hai) đến {period_end}; chỉ cần một báo cáo",
    [RL_MSG_CADENCE_DUP_MONTH] = "có {count} báo cáo được nộp trong tháng {period} (từ "
                                 "{period_start} đến {period_end}); chỉ cần một báo cáo",
    [RL_MSG_CADENCE_NOT_DAY] = "ngày nộp '{value}' là một kỳ, không phải một ngày cụ thể",
    [RL_MSG_MISSING_DATA] =
        "thiếu dữ liệu tại {item}: thiếu {missing}, nên {field} ({expr}) không có giá trị",
    [RL_MSG_EVAL_ERROR] = "không thể tính {expr}: {detail}",
    [RL_MSG_ZERO_DIVISOR] =
        "tại {item}: {field} ({expr}) bằng 0 nên không thể kiểm tra giá trị đã nêu {actual} (chia cho 0)",
    [RL_MSG_INVALID_JSON] = "JSON không hợp lệ: {detail}",
    [RL_MSG_CANNOT_OPEN] = "không mở được tệp: {detail}",
    [RL_MSG_CANNOT_READ] = "không đọc được tệp: {detail}",
    [RL_MSG_AS_OF_NOT_DATE] = "as_of không phải là ngày: {detail}",
    [RL_MSG_MORE_VIOLATIONS] =
        "vi phạm không được hiển thị: thêm {count} (giới hạn là {limit} mỗi báo cáo, --max-violations)",
    [RL_MSG_TIMEOUT] =
        "dừng kiểm tra sau {seconds} giây (--timeout) tại quy tắc {rule}: báo cáo chưa được kiểm tra hết",
    [RL_MSG_TIMEOUT_READING] =
        "dừng kiểm tra sau {seconds} giây (--timeout) khi đang đọc báo cáo: báo cáo chưa được kiểm tra",
    [RL_MSG_MEMORY] =
        "dừng kiểm tra: báo cáo cần hơn {max} byte bộ nhớ (--max-memory) tại quy tắc {rule}: báo cáo chưa được kiểm tra hết",
    [RL_MSG_MEMORY_READING] =
        "dừng kiểm tra: báo cáo cần hơn {max} byte bộ nhớ (--max-memory) khi đang đọc: báo cáo chưa được kiểm tra",
    [RL_MSG_LOCALE_UNKNOWN] = "report.locale: {detail}; báo cáo không được kiểm tra",
    [RL_MSG_LOCALE_NOT_NAME] =
        "report.locale phải là tên một ngôn ngữ, ví dụ \"vi\" (hỗ trợ: {detail}); báo cáo không được kiểm tra",
    [RL_MSG_LOCALE_FLAG] = "--locale: {detail}; báo cáo không được kiểm tra",
    [RL_MSG_DUPLICATE_KEY] =
        "khóa '{key}' bị lặp (lần đầu ở {first}); các quy tắc đọc giá trị cuối cùng, ở {used}",
    [RL_MSG_RULE_NEVER_APPLIED] =
        "quy tắc {rule} không được áp dụng lần nào trong lần chạy này (số lần đánh giá: {evaluations}; không lần nào đạt hay không đạt): hãy kiểm tra each, when và các đường dẫn",
    [RL_MSG_SUMMARY] = "{violations} ({errors}, {warnings}, {infos}) trong {files}; {rules}, "
                       "{evaluations}: {passed} đạt, {failed} không đạt, {not_applicable} không "
                       "áp dụng",
    [RL_MSG_RULE_COUNTS] =
        "{evaluations}: {passed} đạt, {failed} không đạt, {not_applicable} không áp dụng",
    [RL_MSG_DAY_NAME_1] = "thứ Hai",
    [RL_MSG_DAY_NAME_2] = "thứ Ba",
    [RL_MSG_DAY_NAME_3] = "thứ Tư",
    [RL_MSG_DAY_NAME_4] = "thứ Năm",
    [RL_MSG_DAY_NAME_5] = "thứ Sáu",
    [RL_MSG_DAY_NAME_6] = "thứ Bảy",
    [RL_MSG_DAY_NAME_7] = "Chủ nhật",
    [RL_MSG_ON_DAYS_1] = "thứ Hai hằng tuần",
    [RL_MSG_ON_DAYS_2] = "thứ Ba hằng tuần",
    [RL_MSG_ON_DAYS_3] = "thứ Tư hằng tuần",
    [RL_MSG_ON_DAYS_4] = "thứ Năm hằng tuần",
    [RL_MSG_ON_DAYS_5] = "thứ Sáu hằng tuần",
    [RL_MSG_ON_DAYS_6] = "thứ Bảy hằng tuần",
    [RL_MSG_ON_DAYS_7] = "Chủ nhật hằng tuần",
    [RL_MSG_WORD_FILE_OK] = "không có vi phạm",
    [RL_MSG_WORD_BY_RULE] = "vi phạm theo quy tắc:",
    [RL_MSG_WORD_RULES_RUN] = "quy tắc đã chạy",
    [RL_MSG_WORD_LATE] = "chậm",
    [RL_MSG_WORD_OVERDUE] = "quá hạn",
    [RL_MSG_HTML_TITLE] = "Báo cáo reportlint",
    [RL_MSG_HTML_SKIP] = "Chuyển đến các vi phạm",
    [RL_MSG_HTML_SUMMARY] = "Tóm tắt",
    [RL_MSG_HTML_CHART_RULES] = "Vi phạm theo quy tắc",
    [RL_MSG_HTML_CHART_FILES] = "Vi phạm theo tệp",
    [RL_MSG_HTML_FILTERS] = "Lọc vi phạm",
    [RL_MSG_HTML_SEVERITY] = "Mức độ",
    [RL_MSG_HTML_RULE] = "Quy tắc",
    [RL_MSG_HTML_FILE] = "Tệp",
    [RL_MSG_HTML_ALL] = "tất cả",
    [RL_MSG_HTML_SHOWN] = "Đang hiển thị",
    [RL_MSG_HTML_BY_FILE] = "Vi phạm trong từng tệp",
    [RL_MSG_HTML_POSITION] = "Dòng:cột",
    [RL_MSG_HTML_POINTER] = "Vị trí trong dữ liệu",
    [RL_MSG_HTML_FIGURES] = "Số liệu",
    [RL_MSG_HTML_SOURCE] = "Các dòng của báo cáo",
    [RL_MSG_HTML_NO_SOURCE] =
        "Không hiển thị nội dung báo cáo: báo cáo được đọc từ đầu vào chuẩn hoặc không còn đọc được.",
    [RL_MSG_HTML_RULES] = "Kết quả theo quy tắc",
    [RL_MSG_HTML_TITLE_COL] = "Tiêu đề",
    [RL_MSG_HTML_EVALUATIONS] = "Lượt kiểm tra",
    [RL_MSG_HTML_PASSED] = "Đạt",
    [RL_MSG_HTML_FAILED] = "Không đạt",
    [RL_MSG_HTML_NOT_APPLICABLE] = "Không áp dụng",
    [RL_MSG_HTML_VIOLATIONS] = "Vi phạm",
    [RL_MSG_HTML_CLEAN_FILES] = "Tệp không có vi phạm",
    [RL_MSG_HTML_FILES_NAV] = "Các tệp",
    [RL_MSG_HTML_NONE] = "Không có vi phạm.",
    [RL_MSG_HTML_LONG_LINE] = "(dòng quá dài để hiển thị)",
    [RL_MSG_NOUN_VIOLATION] = "vi phạm",
    [RL_MSG_NOUN_ERROR] = "lỗi",
    [RL_MSG_NOUN_WARNING] = "cảnh báo",
    [RL_MSG_NOUN_INFO] = "thông tin",
    [RL_MSG_NOUN_FILE] = "tệp",
    [RL_MSG_NOUN_RULE] = "quy tắc",
    [RL_MSG_NOUN_EVALUATION] = "lượt kiểm tra",
};
