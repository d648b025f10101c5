/* test_normalise.c - unit tests of the normaliser (stage 2).
 * Run from the repository root: reads rules/ and tests/normalise/. */
#include "normalise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int npass, nfail;
static vp_rules *R;
static vp_matcher *M;

#define CHECK(cond, ...)                                                                                              \
    do {                                                                                                               \
        if (cond)                                                                                                      \
            npass++;                                                                                                   \
        else {                                                                                                         \
            nfail++;                                                                                                   \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                                \
            printf(__VA_ARGS__);                                                                                       \
            printf("\n");                                                                                              \
        }                                                                                                              \
    } while (0)

typedef struct res {
    vp_text t;
    vp_diags d;
} res;

static int plain = 1; /* the inputs are plain text, unless a test says otherwise */

static void norm(res *r, const char *in, size_t len, vp_tone_style tone)
{
    char err[256];
    vp_norm_opts o = {0};
    o.tone = tone;
    o.plain = plain;
    memset(r, 0, sizeof *r);
    r->d.arena = vp_arena_new();
    int rc = vp_normalise(in, len, R, M, &o, &r->t, &r->d, err, sizeof err);
    if (rc != 0) {
        printf("FAIL vp_normalise: %s\n", err);
        nfail++;
    }
}

static void res_free(res *r)
{
    vp_text_free(&r->t);
    vp_arena_free(r->d.arena);
}

/* normalise a string and compare the whole output */
static void expect(const char *in, const char *want, vp_tone_style tone, int line)
{
    res r;
    norm(&r, in, strlen(in), tone);
    int ok = strcmp(r.t.data, want) == 0;
    if (ok)
        npass++;
    else {
        nfail++;
        printf("FAIL test_normalise.c:%d:\n  in:   [%s]\n  want: [%s]\n  got:  [%s]\n", line, in, want, r.t.data);
    }
    res_free(&r);
}
#define EXPECT(in, want) expect(in, want, VP_TONE_NEW, __LINE__)
#define EXPECT_OLD(in, want) expect(in, want, VP_TONE_OLD, __LINE__)

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("FAIL cannot open %s\n", path);
        nfail++;
        return NULL;
    }
    vp_buf b = {0};
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        vp_buf_add(&b, tmp, n);
    fclose(f);
    *len = b.len;
    return vp_buf_steal(&b);
}

/* index (0-based) of the output line equal to s, or -1 */
static long find_line(const vp_text *t, const char *s)
{
    size_t sl = strlen(s);
    for (size_t i = 0; i < t->nlines; i++) {
        size_t a = t->lines[i], b = i + 1 < t->nlines ? t->lines[i + 1] : t->len;
        if (b > a && t->data[b - 1] == '\n')
            b--;
        if (b - a == sl && memcmp(t->data + a, s, sl) == 0)
            return (long)i;
    }
    return -1;
}

static size_t count_nonblank(const char *s, size_t n)
{
    size_t c = 0, i = 0;
    while (i < n) {
        size_t j = i;
        int any = 0;
        while (j < n && s[j] != '\n') {
            if (s[j] != ' ' && s[j] != '\t' && s[j] != '\r')
                any = 1;
            j++;
        }
        c += (size_t)any;
        i = j + 1;
    }
    return c;
}

/* ---- every layout rule has an example it matches ---------------------------------- */
static const struct {
    const char *rule, *text;
} EXAMPLES[] = {
    {"page-number", "12"},
    {"page-number-dashed", "- 2 -"},
    {"page-number-trang", "Trang 2/5"},
    {"page-number-of", "Trang 2 trên 5"},
    {"running-title-page", "Kế hoạch 45/KH-UBND – Trang 2"},
    {"running-title-page", "KH số 12/KH-UBND ngày 5/3/2026 - trang 3"},
    {"running-title-page", "Kế hoạch phòng chống thiên tai năm 2026 | 3"},
    {"running-page-title", "2 | Kế hoạch phòng chống thiên tai năm 2026"},
    {"running-title", "Kế hoạch đấu tranh chống buôn lậu năm 2025"},
    {"running-issuer", "UBND TỈNH HÀ TĨNH"},
    {"running-number", "Số: 45/KH-UBND"},
    {"running-number", "KH 45/KH-UBND"},
    {"running-number", "Kế hoạch số 12/2026/KH-UBND"},
    {"running-issuer-other", "BỘ Y TẾ"},
    {"running-issuer-other", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"},
    {"running-issuer-other", "HUYỆN ỦY BÌNH XUYÊN"},
    {"gazette-page", "CÔNG BÁO/Số 12/Ngày 15-3-2026"},
    {"gazette-page", "2 CÔNG BÁO/Số 45 + 46/Ngày 20-3-2026"},
    {"gazette-page", "CÔNG BÁO/Số 45 + 46/Ngày 20-3-2026 3"},
    {"running-file", "KH-12-HDND-giam-sat-2026.docx"},
    {"running-file", "D:\\KE HOACH\\2026\\KH 45 UBND.doc"},
    {"cell-bar", "|"},
    {"rule-line", "-------"},
    {"thuc-hien", "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024"},
    {"page-tools", "Cập nhật: 12/01/2024 - Lượt xem: 431 [A-] [A+] [In trang]"},
    {"page-tools", "A- A A+ In Email"},
    {"page-tools", "Gửi bài viết cho bạn bè | Lên đầu trang | Quay lại"},
    {"photo-caption", "Tiêm vắc xin MR cho trẻ tại Trạm Y tế xã Ea Kly (Ảnh: Khoa KSBT)"},
    {"photo-caption", "Ảnh: Ngọc Anh"},
    {"photo-caption", "Hội nghị tập huấn cho cán bộ cơ sở năm 2023 - Ảnh: T.H"},
    {"page-tools", "Thứ Hai, 11/03/2024 - 09:30 | Tác giả: Văn phòng UBND xã | Lượt xem: 89 | Cỡ chữ: A- A A+"},
    {"page-tools", "10/09/2024 / Bởi Quản trị viên / Lượt xem: 215"},
    {"page-pager", "Tiếp theo »"},
    {"roman-heading-dash", "II- NỘI DUNG"},
    {"arabic-heading-dash", "2- Ban Tuyên giáo Huyện ủy chủ trì"},
    {"arabic-heading-dash", "3 - Sở Tài chính bố trí kinh phí"},
    {"arabic-heading-dash", "3 – Sở Tài chính bố trí kinh phí"},
    {"table-number-title", "STT"},
    {"table-number-title", "Số TT"},
    {"rule-line-drawn", "─────────────"},
    {"table-rule", "|-----|----------|-----|"},
    {"stamp-signed-by", "Ký bởi: Ủy ban Nhân dân tỉnh Ninh Bình"},
    {"stamp-signer", "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ"},
    {"stamp-email", "Email: ubnd@ninhbinh.gov.vn"},
    {"stamp-agency", "Cơ quan: Tỉnh Ninh Bình"},
    {"stamp-time", "Thời gian ký: 04.11.2024 16:20:11 +07:00"},
    {"stamp-email-alone", "ttcbth@quangngai.gov.vn"},
    {"stamp-datetime", "09.01.2025 10:21:11 +07:00"},
    {"stamp-tz", "+07:00"},
    {"stamp-congbao", "TRUNG TÂM CÔNG BÁO"},
    {"roman-heading", "II. NHIỆM VỤ, GIẢI PHÁP"},
    {"arabic-heading", "1.1. Mục tiêu chung"},
    {"letter-item", "a) Sở Tài chính"},
    {"letter-item-dot", "b. Nhiệm vụ"},
    {"letter-item-dot", "a. 100% hồ sơ công việc được xử lý trên môi trường mạng."},
    {"letter-item-dash", "a- Tuyên truyền trên hệ thống loa truyền thanh"},
    {"party-star", "*"},
    {"bullet", "- Tổ chức phổ biến"},
    {"dieu", "Điều 1. Ban hành kèm theo"},
    {"chuong", "Chương II"},
    {"noi-nhan", "Nơi nhận:"},
    {"nhu-tren", "Như trên;"},
    {"nhu-tren", "Như Điều 3;"},
    {"luu-line", "Lưu: VT, KTTH."},
    {"kinh-gui", "Kính gửi: Sở Tài chính"},
    {"can-cu", "Căn cứ Luật Tổ chức chính quyền địa phương"},
    {"xet", "Xét đề nghị của Giám đốc Sở Nội vụ"},
    {"so-ky-hieu", "Số: 196 /KH-UBND"},
    {"trich-yeu", "V/v góp ý dự thảo"},
    {"signature-role", "KT. CHỦ TỊCH"},
    {"doctype-line", "KẾ HOẠCH"},
    {"motto", "Độc lập - Tự do - Hạnh phúc"},
    {"place-date", "Ninh Bình, ngày 04 tháng 11 năm 2024"},
    {"signed", "(Đã ký)"},
    {"doc-number-break", "(sau đây gọi là Chỉ thị số 30/CT-"},
    {"doc-number-slash", "theo Quyết định số 1479/"},
    {"number-range-break", "giai đoạn 2021-"},
    {"symbol-break", "Nghị quyết số 02-NQ/TW-"},
    {"number-groups", "Tổng kinh phí là 1.250.\n000.000 đồng"},
    {"date-year-break", "hoàn thành trước ngày 30/9/20\n26."},
    {"word-hyphen-figure", "không để dịch bệnh Covid-\n19 bùng phát trên địa bàn"},
    {"word-hyphen-figure", "vi rút SARS-CoV-\n2 tại các cơ sở y tế"},
    {"word-hyphen-figure", "tiêm vắc xin phòng Covid-\n19."},
    {"year-span-break", "kế hoạch giai đoạn 2021-\n2025 và các năm tiếp theo"},
    {"word-hyphen-break", "tiêm đủ liều vắc xin phòng Covid-"},
    {"letter-hyphen-break", "các giải pháp nhằm phục v-"},
    {"letter-hyphen-break", "nhân dân, đ-"},
    {"db-field-row", "Số hiệu | 97/2025/QĐ-UBND |"},
    {"db-field-row", "Cơ quan ban hành | Tỉnh Sơn La |"},
    {"recipients", "Nơi nhận: TM. ỦY BAN NHÂN DÂN"},
    {"signature-title", "TM. ỦY BAN NHÂN DÂN"},
    {"national-header", "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    {"national-name-line", "CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM"},
    {"motto", "Độc lập  Tự do  Hạnh phúc"},
    {"flat-header", "UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/UBND"},
    {"split-page-number", "  1. UBND TỈNH NINH THUẬN CỘNG HÒA"},
    {"split-national", "SỞ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    {"split-after-national", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y TẾ"},
    {"split-motto", "SỞ Y TẾ Độc lập - Tự do - Hạnh phúc"},
    {"split-after-motto", "Độc lập  Tự do  Hạnh phúc   Số: 5556/QĐBYT"},
    {"split-number", "Hạnh phúc Số : 2917 /SGDĐT-VP"},
    {"split-place-date", "/SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010"},
    {"split-trich-yeu", "năm 2010 V/v báo cáo nhanh"},
    {"split-kinh-gui", "Đào tạo. Kính gửi: Ủy ban nhân dân tỉnh"},
    {"split-doctype", "năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT"},
    {"split-after-doctype", "năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT"},
    {"split-competence", "GIAI ĐOẠN 2021 BỘ TRƯỞNG BỘ Y TẾ Căn cứ Nghị định"},
    {"split-can-cu", "BỘ Y TẾ Căn cứ Nghị định số 75/2017/NĐ-CP"},
    {"split-lead", "an toàn thực phẩm năm 2026 Thực hiện Kế hoạch số 25/KH-BCĐ"},
    {"split-noi-nhan", "trên địa bàn. Nơi nhận: - Sở Y tế;"},
    {"split-recipient", "Nơi nhận: - Sở Y tế; - Lưu: VT."},
    {"split-signature", "- Lưu: VT. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"},
    {"split-signer", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Bình"},
    {"page-views", "Lượt xem: 45"},
    {"date-alone", "13/11/2024"},
    {"posted-line", "Cập nhật: 14/02/2025 08:35"},
    {"posted-line", "Thứ Tư, 19/03/2025 - 15:20"},
    {"site-alone", "(binhthuan.gov.vn)"},
    {"dash-xa-hoi", "phát triển kinh tế\n- xã hội"},
    {"dash-thuong-binh", "của Sở Lao động\n- Thương binh và Xã hội"},
    {"dash-xa-hoi", "các tổ chức chính trị\n– xã hội"},
    {"dash-quoc-phong", "bảo đảm an ninh\n- quốc phòng"},
    {"dash-an-ninh", "nhiệm vụ quốc phòng\n- an ninh"},
    {"dash-ky-thuat", "báo cáo kinh tế\n- kỹ thuật"},
    {"dash-cong-nghe", "ứng dụng khoa học\n- công nghệ"},
    {"dash-the-thao", "hoạt động văn hóa\n- thể thao"},
    {"dash-dao-tao", "ngành giáo dục\n- đào tạo"},
    {"dash-thuong-binh", "ngành lao động\n- thương binh"},
    {"dash-place", "mời tham gia Festival Thăng Long\n– Hà Nội lần thứ II"},
    {"dash-place", "UBND phường Văn Miếu\n- Quốc Tử Giám"},
    {"word-goes-on", "Tổ chức hội nghị sơ kết vào\nngày 15/6/2025."},
    {"name-goes-on", "báo cáo kết quả về\nUBND huyện trước ngày 10/4/2025."},
    {"name-goes-on", "kiến thức về\nATTP."},
    {"quarter-goes-on", "trong quý\nII/2025."},
    {"figure-goes-on", "hoàn thành trước ngày\n15/8/2024."},
    {"figure-goes-on", "với tổng kinh phí là\n25.000.000 đồng"},
    {"table-head-tt", "TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian"},
    {"table-head-tt", "STT | Nội dung | Đơn vị thực hiện"},
    {"table-head-plain", "Chỉ tiêu | Đơn vị | Kế hoạch năm 2026"},
    {"table-head-plain", "Nội dung | Đơn vị tính | Năm 2026"},
    {"row-number", "12"},
    {"row-number", "2.1"},
    {"row-number", "IV."},
    {"table-end-heading", "2. Quy hoạch sử dụng đất"},
    {"table-end-closing", "Trên đây là Kế hoạch triển khai"},
    {"column-number", "STT"},
    {"column-number", "Số TT"},
    {"column-task", "Nội dung công việc"},
    {"column-task", "Nhiệm vụ"},
    {"column-other", "Ghi chú"},
    {"column-other", "Kinh phí (triệu đồng)"},
};

static void test_rule_examples(void)
{
    const vp_family *f = vp_rules_family(R, "layout");
    CHECK(f->n > 0, "layout family is empty");
    for (size_t i = 0; i < f->n; i++) {
        const char *name = vp_rule_name(f->rules[i]);
        int found = 0, missed = 0;
        for (size_t k = 0; k < sizeof EXAMPLES / sizeof EXAMPLES[0]; k++) {
            if (strcmp(EXAMPLES[k].rule, name) != 0)
                continue;
            found = 1;
            const char *t = EXAMPLES[k].text;
            if (vp_rule_exec(f->rules[i], M, t, strlen(t), 0) != 1) {
                missed = 1;
                CHECK(0, "layout rule %s does not match its example \"%s\"", name, t);
            }
        }
        CHECK(found, "layout rule %s (%s) has no example", name, vp_rule_where(f->rules[i]));
        CHECK(!missed, "layout rule %s misses an example", name);
    }
    /* and the rules do what they say in context */
    EXPECT("Ký bởi: Ủy ban Nhân dân tỉnh\nEmail: a@b.vn\nCơ quan: Tỉnh Ninh Bình\nThời gian ký: 04.11.2024\nNội dung.",
           "Nội dung.\n");
    EXPECT("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nEmail: thongtinchinhphu@chinhphu.vn\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
           "Thời gian ký: 29.04.2026 16:35:55 +07:00\nNội dung.",
           "Nội dung.\n");
    EXPECT("Người ký : Dương Ngọc Long\nNội dung.", "Người ký: Dương Ngọc Long\nNội dung.\n");
    /* capitals whose toned letters stayed small (TCVN3 has no toned capitals): restored on
     * capitals lines and in mixed words; "Số", "Xã hội", "Tự do" in ordinary lines stay */
    EXPECT("ủY BAN NHÂN DÂN\nTỉNH NINH BìNH\nSố: 193 /KH-UBND\nCộNG HòA Xã HộI CHủ NGHĩA VIệT NAM\nKế HOạCH\n"
           "Triển khai Số liệu, Xã hội hóa và Tự do.\nPHó CHủ TịCH Trần Song Tùng",
           "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 193 /KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\n"
           "Triển khai Số liệu, Xã hội hóa và Tự do.\nPHÓ CHỦ TỊCH Trần Song Tùng\n");
    EXPECT("Số/Ngày/Kính gửi: ĐBSCL, HĐND", "Số/Ngày/Kính gửi: ĐBSCL, HĐND\n");
    /* a plain text's line broken after a word's hyphen, the figures going on it on the next line; an
     * item's number after it stays on its line */
    EXPECT("Không để dịch bệnh Covid-\n19 bùng phát trên địa bàn, giai đoạn 2021-\n2025 và các năm sau.",
           "Không để dịch bệnh Covid-19 bùng phát trên địa bàn, giai đoạn 2021-2025 và các năm sau.\n");
    EXPECT("1. Phòng, chống dịch Covid-\n2. UBND các huyện báo cáo.", "1. Phòng, chống dịch Covid-\n2. UBND các huyện báo cáo.\n");
    EXPECT("II. NHIỆM VỤ CỤ THỂ\nSTT\nNội dung", "II. NHIỆM VỤ CỤ THỂ\nSTT\nNội dung\n");
    EXPECT("1. MỤC TIÊU CỤ\nTHỂ\nHuy động trẻ đến trường.", "1. MỤC TIÊU CỤ THỂ\nHuy động trẻ đến trường.\n");
    /* no space before a mark of punctuation, nor after an opening bracket; "%" on its figure */
    EXPECT("Phát triển thủy lợi , khoa học  ;  ( giai đoạn 1 ) đạt 50 % , xong ./.",
           "Phát triển thủy lợi, khoa học; (giai đoạn 1) đạt 50%, xong./.\n");
    EXPECT("a - b ; c … d ( * )", "a - b; c … d (* )\n");
    /* a short line that ends on a word no sentence ends on goes on with the next (join-word);
     * one that ends a phrase stays a line of its own */
    EXPECT("3. Tổ chức hội nghị sơ kết vào\nngày 15/6/2025.", "3. Tổ chức hội nghị sơ kết vào ngày 15/6/2025.\n");
    EXPECT("- Tổ chức chiến dịch diệt lăng quăng, hoàn thành trước ngày\n15/8/2024.",
           "- Tổ chức chiến dịch diệt lăng quăng, hoàn thành trước ngày 15/8/2024.\n");
    EXPECT("Kế hoạch gồm các phần sau đây, thực hiện từ\n2. Nội dung", "Kế hoạch gồm các phần sau đây, thực hiện từ\n2. Nội dung\n");
    EXPECT("3. Tổ chức hội nghị sơ kết\nngày 15/6/2025.", "3. Tổ chức hội nghị sơ kết\nngày 15/6/2025.\n");
    /* a sum broken after a group's dot goes on without a space (join-number); a sentence that
     * ends on a sum, then a count, stays two */
    EXPECT("Tổng kinh phí là 1.250.\n000.000 đồng từ ngân sách.", "Tổng kinh phí là 1.250.000.000 đồng từ ngân sách.\n");
    EXPECT("Tổng số người là 1.250.\n100 người khác.", "Tổng số người là 1.250.\n100 người khác.\n");
    EXPECT("ỦY BAN\n|\nTỈNH\n-------\nNội dung.", "ỦY BAN\nTỈNH\nNội dung.\n");
    /* a header flattened into one line is cut back into its lines: the place name whole,
     * the type line cut from its title, a type inside the title left alone */
    EXPECT("Xem mẫu\n  1. UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự "
           "do - Hạnh phúc Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010 KẾ HOẠCH THỰC HIỆN KẾ "
           "HOẠCH NĂM 2011 GIÁM ĐỐC SỞ GIÁO DỤC Căn cứ Luật Giáo dục; Căn cứ Nghị định số 1/2010/NĐ-CP.",
           "Xem mẫu\n1.\nUBND TỈNH NINH THUẬN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
           "Độc lập - Tự do - Hạnh phúc\nSố: 2917 /SGDĐT-VP\nPhan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010\n"
           "KẾ HOẠCH\nTHỰC HIỆN KẾ HOẠCH NĂM 2011\nGIÁM ĐỐC SỞ GIÁO DỤC\nCăn cứ Luật Giáo dục;\n"
           "Căn cứ Nghị định số 1/2010/NĐ-CP.\n");
    /* a line with the national name and no number or date after it is not cut */
    EXPECT("SỞ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nCăn cứ Luật.",
           "SỞ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nCăn cứ Luật.\n");
}

/* ---- characters ------------------------------------------------------------------ */
/* a portal's publication date with its time is text, not a signature stamp: the stamp
 * carries seconds or a time zone */
static void test_pubdate_kept(void)
{
    const vp_family *f = vp_rules_family(R, "layout");
    static const char *keep[] = {"03/03/2023 17:11", "12/01/2023 08:15"};
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(vp_rule_name(f->rules[i]), "stamp-datetime") != 0)
            continue;
        for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++)
            CHECK(vp_rule_exec(f->rules[i], M, keep[k], strlen(keep[k]), 0) != 1,
                  "stamp-datetime drops the publication date \"%s\"", keep[k]);
        CHECK(vp_rule_exec(f->rules[i], M, "06.11.2024 09:27:05", 19, 0) == 1,
              "stamp-datetime keeps a stamp time with seconds");
    }
}

/* a plan's "Thời gian:" line under an activity is its time, not a signature stamp's: the stamp says
 * "Thời gian ký:" or a clock time with seconds */
static void test_time_label_kept(void)
{
    const vp_family *f = vp_rules_family(R, "layout");
    static const char *keep[] = {"Thời gian: Quý I/2026.", "Thời gian: 8 giờ 00, thứ Hai, ngày 03/3/2025",
                                 "Thời gian: năm 2025 và 2026."};
    static const char *drop[] = {"Thời gian ký: 29.04.2026 16:35:55 +07:00",
                                 "Thời gian: 10.05.2025 12:49:08 +07:00"};
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(vp_rule_name(f->rules[i]), "stamp-time") != 0)
            continue;
        for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++)
            CHECK(vp_rule_exec(f->rules[i], M, keep[k], strlen(keep[k]), 0) != 1,
                  "stamp-time drops the plan's line \"%s\"", keep[k]);
        for (size_t k = 0; k < sizeof drop / sizeof drop[0]; k++)
            CHECK(vp_rule_exec(f->rules[i], M, drop[k], strlen(drop[k]), 0) == 1,
                  "stamp-time keeps the stamp's line \"%s\"", drop[k]);
    }
}

static void test_tone(void)
{
    EXPECT("hoà hoá thuỷ khoẻ tuỳ quỳ", "hòa hóa thủy khỏe tùy quỳ\n");
    EXPECT("HOÀ Hoà OÀ hoạ loè thuý", "HÒA Hòa ÒA họa lòe thúy\n");
    EXPECT("quá quả thuở hoàn toán quyết khuyến quý Quỳnh", "quá quả thuở hoàn toán quyết khuyến quý Quỳnh\n");
    EXPECT("hòa, thủy. (khỏe)", "hòa, thủy. (khỏe)\n");
    EXPECT_OLD("hòa hóa thủy khỏe tùy quỳ HÒA", "hoà hoá thuỷ khoẻ tuỳ quỳ HOÀ\n");
    EXPECT_OLD("hoàn toán quyết quá", "hoàn toán quyết quá\n");
    EXPECT_OLD("hoà thuỷ", "hoà thuỷ\n");
    /* the u of "qu" takes no tone, in both styles (ONLY-AFTER rows) */
    EXPECT("Qúy II, hằng qúy, QÚY III, qùy", "Quý II, hằng quý, QUÝ III, quỳ\n");
    EXPECT_OLD("Qúy II, quý, tùy", "Quý II, quý, tuỳ\n");
}

static void test_confusables(void)
{
    EXPECT("\xC3\x90\xE1\xBB\x93ng \xC6\x89\xE1\xBA\xA1i \xC3\xB0i", "Đồng Đại đi\n"); /* Ð Ɖ ð */
    EXPECT("a\xC2\xA0" "b\xE2\x80\xAF" "c\xE2\x80\x87" "d\xE3\x80\x80" "e", "a b c d e\n");
    EXPECT("a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xE2\x80\x8D" "d\xEF\xBB\xBF" "e\xC2\xAD" "f", "abcdef\n");
    EXPECT("2021\xE2\x80\x90" "2025 x\xE2\x80\x91y \xE2\x88\x92" "5 a \xE2\x80\x93 b \xE2\x80\x94 c",
           "2021-2025 x-y -5 a \xE2\x80\x93 b \xE2\x80\x94 c\n");
    EXPECT("\xE2\x80\x9C" "trích\xE2\x80\x9D", "\xE2\x80\x9C" "trích\xE2\x80\x9D\n");
    EXPECT("a\tb   c  \nd", "a b c\nd\n");
    /* a tab after an item's marker is a space; between two columns, a gap the layout splits */
    EXPECT("1.\tM\xE1\xBB\xA5" "c ti\xC3\xAAu\nII.\tX\na)\ty\n-\tz", "1. M\xE1\xBB\xA5" "c ti\xC3\xAAu\nII. X\na) y\n- z\n");
    EXPECT("N\xC6\xA1i nh\xE1\xBA\xADn:\tGI\xC3\x81M \xC4\x90\xE1\xBB\x90" "C\n- UBND t\xE1\xBB\x89nh;\n",
           "N\xC6\xA1i nh\xE1\xBA\xADn:\nGI\xC3\x81M \xC4\x90\xE1\xBB\x90" "C\n- UBND t\xE1\xBB\x89nh;\n");
    /* a table of tasks whose cells are set apart by tabs: each row under its head keeps its cells */
    EXPECT("STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
           "1\tKiểm tra các cơ sở kinh doanh\tCông an xã\tUBND các thôn\tQuý II/2026\n"
           "2\tTổng kết\tVăn phòng - Thống kê xã\tCông an xã\tTháng 12/2026\n",
           "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\n"
           "1 | Kiểm tra các cơ sở kinh doanh | Công an xã | UBND các thôn | Quý II/2026\n"
           "2 | Tổng kết | Văn phòng - Thống kê xã | Công an xã | Tháng 12/2026\n");
    /* ... a group's row ("I", its title, the cells after them merged) ends at its title */
    EXPECT("STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
           "I\tCông tác tuyên truyền\n"
           "1\tTuyên truyền trên loa truyền thanh\tCông an xã\tĐài truyền thanh xã\tQuý II/2026\n"
           "II\tCông tác kiểm tra\t\t\t\n"
           "2\tKiểm tra các cơ sở kinh doanh\tCông an xã\tUBND các thôn\tThường xuyên\n",
           "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\n"
           "I | Công tác tuyên truyền\n"
           "1 | Tuyên truyền trên loa truyền thanh | Công an xã | Đài truyền thanh xã | Quý II/2026\n"
           "II | Công tác kiểm tra\n"
           "2 | Kiểm tra các cơ sở kinh doanh | Công an xã | UBND các thôn | Thường xuyên\n");
    /* a table copied to text a cell a line: its head's lines each name a column, the column of
     * numbers first; each row from its number is one line, a group's row its number and title;
     * the heading after the last row is no cell of it */
    EXPECT("II. NHIỆM VỤ CỤ THỂ\nSTT\nNội dung\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian\n"
           "I\nCông tác tuyên truyền\n"
           "1\nTuyên truyền kiến thức pháp luật\nPhòng Văn hóa\nCác xã\nQuý II/2025\n"
           "2\nTổ chức hội nghị tập huấn\nPhòng Tư pháp\nCác cơ quan, đơn vị\nTháng 6/2025\n"
           "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Tư pháp theo dõi.\n",
           "II. NHIỆM VỤ CỤ THỂ\nSTT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian\n"
           "I | Công tác tuyên truyền\n"
           "1 | Tuyên truyền kiến thức pháp luật | Phòng Văn hóa | Các xã | Quý II/2025\n"
           "2 | Tổ chức hội nghị tập huấn | Phòng Tư pháp | Các cơ quan, đơn vị | Tháng 6/2025\n"
           "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Tư pháp theo dõi.\n");
    /* ... a last row short of a cell takes no heading after it as its cell: it stays lines */
    EXPECT("STT\nNội dung\nĐơn vị chủ trì\nThời gian\n"
           "1\nTuyên truyền kiến thức pháp luật\nPhòng Văn hóa\nQuý II/2025\n"
           "2\nTổ chức hội nghị tập huấn\nPhòng Tư pháp\n"
           "III. TỔ CHỨC THỰC HIỆN\n",
           "STT | Nội dung | Đơn vị chủ trì | Thời gian\n"
           "1 | Tuyên truyền kiến thức pháp luật | Phòng Văn hóa | Quý II/2025\n"
           "2\nTổ chức hội nghị tập huấn\nPhòng Tư pháp\nIII. TỔ CHỨC THỰC HIỆN\n");
    /* a row the copy broke, the rows after it in step again on their numbers: a cell wrapped onto a
     * line that goes on in lower case is joined to it; a partner cell dropped before the row's time,
     * or a time dropped from the last column, is left empty */
    EXPECT("STT\nNội dung\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian\n"
           "1\nTổ chức hội nghị tập huấn cho cán bộ\nvà nhân dân các thôn\nPhòng Tư pháp\n"
           "Các cơ quan, đơn vị\nTháng 6/2025\n"
           "2\nKiểm tra việc thực hiện\nCông an xã\nTháng 9/2025\n"
           "3\nTổng kết, đánh giá\nVăn phòng UBND\nCác đoàn thể\n"
           "4\nBáo cáo kết quả\nVăn phòng UBND\nCác đoàn thể\nTháng 12/2025\n"
           "III. TỔ CHỨC THỰC HIỆN\n",
           "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian\n"
           "1 | Tổ chức hội nghị tập huấn cho cán bộ và nhân dân các thôn | Phòng Tư pháp | "
           "Các cơ quan, đơn vị | Tháng 6/2025\n"
           "2 | Kiểm tra việc thực hiện | Công an xã |  | Tháng 9/2025\n"
           "3 | Tổng kết, đánh giá | Văn phòng UBND | Các đoàn thể | \n"
           "4 | Báo cáo kết quả | Văn phòng UBND | Các đoàn thể | Tháng 12/2025\n"
           "III. TỔ CHỨC THỰC HIỆN\n");
    /* lines that name no column ("Ghi nhớ") head no table */
    EXPECT("STT\nNội dung\nGhi nhớ\n1\nTuyên truyền\nXã\n",
           "STT\nNội dung\nGhi nhớ\n1\nTuyên truyền\nXã\n");
}

static void test_unicode(void)
{
    /* NFD -> NFC: "Việt Nam hòa" written with combining marks */
    EXPECT("Vie\xCC\xA3\xCC\x82t Nam ho\xCC\x80" "a", "Việt Nam hòa\n");
    EXPECT("\xEF\xBB\xBF" "abc", "abc\n");
    EXPECT("a\r\nb\rc\n", "a\nb\nc\n");
    res r;
    const char bad[] = "ab\xFF" "cd\xC3";
    norm(&r, bad, sizeof bad - 1, VP_TONE_NEW);
    CHECK(strcmp(r.t.data, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD\n") == 0, "invalid bytes: got [%s]", r.t.data);
    int warned = 0;
    for (vp_diag *g = r.d.first; g; g = g->next)
        if (strcmp(g->code, "invalid-utf8") == 0)
            warned++;
    CHECK(warned == 1, "expected one invalid-utf8 warning, got %d", warned);
    res_free(&r);
    EXPECT("", "");
    EXPECT("\n\n  \n", "");
}

/* ---- layout ---------------------------------------------------------------------- */
static void test_layout(void)
{
    /* lines broken inside a sentence, and inside a document number */
    const char *wrapped = "      Thực hiện Chỉ thị số 30/CT-TTg ngày 29/8/2024 của Thủ tướng Chính phủ\n"
                          "về phát triển các ngành công nghiệp văn hóa (sau đây gọi là Chỉ thị số 30/CT-\n"
                          "TTg); theo đề nghị của Sở Văn hóa và Thể thao tại Tờ trình số 150/TTr-SVHTT\n"
                          "ngày 21/10/2024, UBND tỉnh ban hành Kế hoạch phát triển các ngành công\n"
                          "nghiệp văn hóa trên địa bàn tỉnh Ninh Bình, cụ thể như sau:\n"
                          "      I. MỤC ĐÍCH, YÊU CẦU\n"
                          "      1. Mục đích\n"
                          "      - Nâng cao nhận thức của các cơ quan, tổ chức, các cấp chính quyền địa\n"
                          "phương, cán bộ, đảng viên.\n"
                          "      - Cụ thể hóa các yêu cầu.\n";
    EXPECT(wrapped, "Thực hiện Chỉ thị số 30/CT-TTg ngày 29/8/2024 của Thủ tướng Chính phủ về phát triển các ngành công "
                    "nghiệp văn hóa (sau đây gọi là Chỉ thị số 30/CT-TTg); theo đề nghị của Sở Văn hóa và Thể thao tại "
                    "Tờ trình số 150/TTr-SVHTT ngày 21/10/2024, UBND tỉnh ban hành Kế hoạch phát triển các ngành công "
                    "nghiệp văn hóa trên địa bàn tỉnh Ninh Bình, cụ thể như sau:\n"
                    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                    "- Nâng cao nhận thức của các cơ quan, tổ chức, các cấp chính quyền địa phương, cán bộ, đảng viên.\n"
                    "- Cụ thể hóa các yêu cầu.\n");
    /* a syllable a page's copy broke with a hyphen of its own ("thực hi-" / "ện") is one word again, in a
     * text whose lines are its paragraphs too; the text's own hyphens stay ("Covid-" / "19") */
    const char *broken = "      Thực hiện Kế hoạch số 35/KH-SYT ngày 05/02/2026 của Sở Y tế về phòng, chống\n"
                         "dịch bệnh năm 2026 (sau đây gọi là Kế hoạch số 35/KH-SYT), tiêm vắc xin Covid-\n"
                         "19 cho người dân; các hộ gia đình chủ động thực hiện vệ sinh môi trường, thực hi-\n"
                         "ện diệt lăng quăng; phối hợp với Trung tâm Văn hóa - Thể thao huyện đẩy mạnh tuyên truy-\n"
                         "ền về phòng bệnh cho người dân trên địa bàn, nhất là ở các vùng có nguy cơ cao.\n"
                         "      I. MỤC ĐÍCH, YÊU CẦU\n";
    EXPECT(broken, "Thực hiện Kế hoạch số 35/KH-SYT ngày 05/02/2026 của Sở Y tế về phòng, chống dịch bệnh năm 2026 (sau "
                   "đây gọi là Kế hoạch số 35/KH-SYT), tiêm vắc xin Covid-19 cho người dân; các hộ gia đình chủ động thực "
                   "hiện vệ sinh môi trường, thực hiện diệt lăng quăng; phối hợp với Trung tâm Văn hóa - Thể thao huyện đẩy "
                   "mạnh tuyên truyền về phòng bệnh cho người dân trên địa bàn, nhất là ở các vùng có nguy cơ cao.\n"
                   "I. MỤC ĐÍCH, YÊU CẦU\n");
    /* one consonant before the copy's hyphen ("phục v-" / "ụ", "đ-" / "ảm bảo") is a syllable's start too;
     * a list's letter alone ("A-") stays */
    const char *one = "      Các cơ quan, đơn vị chủ động triển khai các biện pháp phòng, chống dịch bệnh nhằm phục v-\n"
                      "ụ tốt nhân dân trong dịp Tết Nguyên đán, nhằm đ-\n"
                      "ảm bảo an toàn cho người dân trên địa bàn huyện.\n"
                      "A-\n"
                      "Nhóm cơ sở được kiểm tra.\n";
    EXPECT(one, "Các cơ quan, đơn vị chủ động triển khai các biện pháp phòng, chống dịch bệnh nhằm phục vụ tốt nhân dân "
                "trong dịp Tết Nguyên đán, nhằm đảm bảo an toàn cho người dân trên địa bàn huyện.\n"
                "A-\nNhóm cơ sở được kiểm tra.\n");
    /* a numbered item's short heading is not joined to the sentence at the margin under it */
    const char *headed = "      Thực hiện Chỉ thị số 30/CT-TTg ngày 29/8/2024 của Thủ tướng Chính phủ\n"
                         "về phát triển các ngành công nghiệp văn hóa (sau đây gọi là Chỉ thị số 30/CT-\n"
                         "TTg); theo đề nghị của Sở Văn hóa và Thể thao tại Tờ trình số 150/TTr-SVHTT\n"
                         "ngày 21/10/2024, UBND tỉnh ban hành Kế hoạch như sau:\n"
                         "3. Kiểm tra, thanh tra\n"
                         "Thanh tra Sở xây dựng kế hoạch thanh tra chuyên đề tại ít nhất 200 doanh\n"
                         "nghiệp, hoàn thành trước ngày 15/11/2025.\n";
    EXPECT(headed, "Thực hiện Chỉ thị số 30/CT-TTg ngày 29/8/2024 của Thủ tướng Chính phủ về phát triển các ngành công "
                   "nghiệp văn hóa (sau đây gọi là Chỉ thị số 30/CT-TTg); theo đề nghị của Sở Văn hóa và Thể thao tại "
                   "Tờ trình số 150/TTr-SVHTT ngày 21/10/2024, UBND tỉnh ban hành Kế hoạch như sau:\n"
                   "3. Kiểm tra, thanh tra\n"
                   "Thanh tra Sở xây dựng kế hoạch thanh tra chuyên đề tại ít nhất 200 doanh nghiệp, hoàn thành trước "
                   "ngày 15/11/2025.\n");
    /* the star under a Party committee's name is not a bullet of the number line below it */
    EXPECT("TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ\n",
           "TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ\n");
    /* page number after a form feed, blank line of the page break ignored, sentence continues */
    const char *paged = "      - Tăng cường sự phối hợp chặt chẽ, đồng bộ của các cơ quan, tổ chức, các\n"
                        "cấp chính quyền địa phương trong triển khai thực hiện hiệu quả các mục tiêu\n"
                        "\f                                        2\n"
                        "\n"
                        "nhiệm vụ xây dựng và phát triển công nghiệp văn hoá.\n"
                        "      b) Phát triển du lịch;\n"
                        "                                         - 3 -\n"
                        "      + Nội dung một;\n"
                        "                                         Trang 4/5\n"
                        "      • Nội dung hai.\n";
    EXPECT(paged, "- Tăng cường sự phối hợp chặt chẽ, đồng bộ của các cơ quan, tổ chức, các cấp chính quyền địa "
                  "phương trong triển khai thực hiện hiệu quả các mục tiêu nhiệm vụ xây dựng và phát triển công "
                  "nghiệp văn hóa.\n"
                  "b) Phát triển du lịch;\n+ Nội dung một;\n• Nội dung hai.\n");
    /* a page's number alone on a line of a text not laid out in pages: inside a sentence after a
     * long line, or between a finished sentence and an item, it is dropped; after a short line (a
     * table's cells one a line) it is kept */
    EXPECT("1. Hỗ trợ thành lập hợp tác xã mới, tổ hợp tác và liên hiệp hợp tác xã\n12\ntại các xã miền núi.\n"
           "2. Xử lý nghiêm các vụ việc vi phạm, công khai kết quả xử lý trên địa bàn.\n3\n3. Bồi dưỡng cán bộ.\n",
           "1. Hỗ trợ thành lập hợp tác xã mới, tổ hợp tác và liên hiệp hợp tác xã tại các xã miền núi.\n"
           "2. Xử lý nghiêm các vụ việc vi phạm, công khai kết quả xử lý trên địa bàn.\n3. Bồi dưỡng cán bộ.\n");
    EXPECT("Số lớp tập huấn\n12\nlớp\n", "Số lớp tập huấn\n12\nlớp\n");
    /* a running header (the plan's short title) repeated pages apart after the header: dropped */
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nKế hoạch đấu tranh chống buôn lậu năm 2025\n4. Bốn.\n5. Năm.\n"
           "6. Sáu.\n7. Bảy.\n8. Tám.\nKế hoạch đấu tranh chống buôn lậu năm 2025\n9. Chín.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\n4. Bốn.\n5. Năm.\n6. Sáu.\n7. Bảy.\n8. Tám.\n9. Chín.\n");
    /* with the page's number on its line, the lines the same but for it: dropped, the sentence they
     * break joined; a department's name at the top of each page too */
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nKế hoạch 17/KH-BCĐ389 – Trang 2\nSỞ CÔNG THƯƠNG\n4. Bốn.\n5. Năm.\n"
           "6. Sáu.\n7. Bảy.\n8. Tám.\nKế hoạch 17/KH-BCĐ389 – Trang 3\nSỞ CÔNG THƯƠNG\n9. Chín.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\n4. Bốn.\n5. Năm.\n6. Sáu.\n7. Bảy.\n8. Tám.\n9. Chín.\n");
    /* a short line broken by the running header and the page's number on the line after it (or before
     * it): both dropped, the line joined again with the rest of its sentence; one ending a sentence
     * is not */
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Sở Tài chính bố trí\nKế hoạch đấu tranh chống buôn lậu năm 2025\n2\n"
           "kinh phí.\n4. Bốn.\n5. Năm.\n6. Sáu.\n7. Bảy.\n8. Tám.\n9. Sở Công Thương\n3\n"
           "Kế hoạch đấu tranh chống buôn lậu năm 2025\nchủ trì.\n10. Mười.\n11. Mười một.\n12. Mười hai.\n"
           "13. Mười ba.\n14. Sở Nội vụ báo cáo.\nKế hoạch đấu tranh chống buôn lậu năm 2025\n4\n15. Mười lăm.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Sở Tài chính bố trí kinh phí.\n4. Bốn.\n5. Năm.\n6. Sáu.\n7. Bảy.\n"
           "8. Tám.\n9. Sở Công Thương chủ trì.\n10. Mười.\n11. Mười một.\n12. Mười hai.\n13. Mười ba.\n"
           "14. Sở Nội vụ báo cáo.\n15. Mười lăm.\n");
    /* a document's header said again (the issuer followed each time by the same line): it stays */
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\n4. Bốn.\n5. Năm.\n"
           "6. Sáu.\n7. Bảy.\n8. Tám.\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\n9. Chín.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\n4. Bốn.\n5. Năm.\n"
           "6. Sáu.\n7. Bảy.\n8. Tám.\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\n9. Chín.\n");
    /* said once only, or twice a few lines apart, it stays */
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nKế hoạch đấu tranh chống buôn lậu năm 2025\n4. Bốn.\n"
           "Kế hoạch đấu tranh chống buôn lậu năm 2025\n5. Năm.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nKế hoạch đấu tranh chống buôn lậu năm 2025\n4. Bốn.\n"
           "Kế hoạch đấu tranh chống buôn lậu năm 2025\n5. Năm.\n");
    /* the gazette's line of each page (its page's number before or after it) is dropped where it
     * stands; a footer naming the file, when it comes back pages apart; said once it stays */
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2 CÔNG BÁO/Số 45 + 46/Ngày 20-3-2026\n2. Hai.\n3. Ba.\nKH-17-BCD.docx\n4. Bốn.\n5. Năm.\n"
           "6. Sáu.\n7. Bảy.\n8. Tám.\nKH-17-BCD.docx\nCÔNG BÁO/Số 45 + 46/Ngày 20-3-2026 3\n9. Chín.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\n4. Bốn.\n5. Năm.\n6. Sáu.\n7. Bảy.\n8. Tám.\n9. Chín.\n");
    EXPECT("UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nMau-bao-cao.docx\n4. Bốn.\n",
           "UBND TỈNH HÀ TĨNH\nSố: 17/KH-BCĐ389\n\nKẾ HOẠCH\nĐấu tranh chống buôn lậu năm 2025\n\n"
           "I. MỤC ĐÍCH\n1. Một.\n2. Hai.\n3. Ba.\nMau-bao-cao.docx\n4. Bốn.\n");
    /* a page turned without a page number: one blank line inside a sentence of a wrapped text
     * (a long line ending mid-sentence, then small letters) is no paragraph break; a blank line
     * after a finished sentence or a short line is one */
    const char *turned = "Căn cứ nghị quyết số 53/NQ-HĐND ngày 21 tháng 12 năm 2018 của HĐND\n"
                         "huyện khóa XX về nhiệm vụ phát triển kinh tế - xã hội năm 2019;\n"
                         "Căn cứ Quyết định số 37/QĐ-UBND ngày 09 tháng 01 năm 2019 của UBND\n"
                         "\n"
                         "huyện Như Xuân về việc ban hành kế hoạch hành động thực hiện kế hoạch của\n"
                         "huyện năm 2019;\n"
                         "\n"
                         "các nội dung sau\n"
                         "\n"
                         "tiếp theo.\n";
    EXPECT(turned, "Căn cứ nghị quyết số 53/NQ-HĐND ngày 21 tháng 12 năm 2018 của HĐND huyện khóa XX về nhiệm vụ phát "
                   "triển kinh tế - xã hội năm 2019;\nCăn cứ Quyết định số 37/QĐ-UBND ngày 09 tháng 01 năm 2019 của UBND "
                   "huyện Như Xuân về việc ban hành kế hoạch hành động thực hiện kế hoạch của huyện năm 2019;\n\n"
                   "các nội dung sau\n\ntiếp theo.\n");
    /* a dashed compound broken at its dash goes on ("kinh tế" + "- xã hội"); a bullet after any
     * other words stays one; a heading in capitals broken after a comma goes on */
    const char *dashed = "      Căn cứ Nghị quyết số 01/NQ-CP của Chính phủ về nhiệm vụ, giải pháp thực hiện Kế\n"
                         "hoạch phát triển kinh tế\n"
                         "- xã hội và dự toán ngân sách nhà nước năm 2025, UBND tỉnh ban hành Kế hoạch\n"
                         "như sau:\n"
                         "      I. MỤC ĐÍCH,\n"
                         "      YÊU CẦU\n"
                         "      1. Mục đích\n"
                         "      - Tuyên truyền về nhiệm vụ phát triển văn hóa\n"
                         "      - xây dựng đời sống văn hóa cơ sở.\n";
    EXPECT(dashed, "Căn cứ Nghị quyết số 01/NQ-CP của Chính phủ về nhiệm vụ, giải pháp thực hiện Kế hoạch phát triển "
                   "kinh tế - xã hội và dự toán ngân sách nhà nước năm 2025, UBND tỉnh ban hành Kế hoạch như sau:\n"
                   "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tuyên truyền về nhiệm vụ phát triển văn hóa\n"
                   "- xây dựng đời sống văn hóa cơ sở.\n");
    /* a label's ":" set apart by spaces opens no column: the value stays on its label's line */
    EXPECT("a) Tổng giá trị sản xuất                        : 305 tỷ đồng\n"
           "       - Chăn nuôi                                      : 33 tỷ đồng\n"
           "c) Tỷ lệ hộ nghèo                                : dưới 1,5%\n",
           "a) Tổng giá trị sản xuất : 305 tỷ đồng\n- Chăn nuôi : 33 tỷ đồng\nc) Tỷ lệ hộ nghèo : dưới 1,5%\n");
    /* a table laid out on a page, its cells wrapped over lines and centred in their rows, its
     * head's words wrapped too: one line a row, the row's cells in the order of the columns */
    const char *wtable = "      II. NHIỆM VỤ\n"
                         "TT          Nội dung công việc                  Cơ quan         Cơ quan          Thời gian\n"
                         "                                                chủ trì         phối hợp         hoàn thành\n"
                         "     Tổ chức tuyên truyền về phòng,                             - Sở Y tế;\n"
                         "1    chống dịch bệnh trên các phương tiện       Sở Văn hóa      - UBND cấp       Quý II/2025\n"
                         "     thông tin đại chúng.                                        huyện.\n"
                         "     Kiểm tra, giám sát việc thực hiện\n"
                         "2                                               Sở Y tế         Các sở, ngành    Hằng năm\n"
                         "     các biện pháp phòng bệnh.\n"
                         "                                        5\n"
                         "\f      III. TỔ CHỨC THỰC HIỆN\n";
    /* ... a group's row in it ("I   Công tác tuyên truyền", the cells after it merged) ends at its title */
    const char *wgroup = "TT          Nội dung công việc                  Cơ quan         Cơ quan          Thời gian\n"
                         "                                                chủ trì         phối hợp         hoàn thành\n"
                         "I           Công tác tuyên truyền\n"
                         "1    Tổ chức tuyên truyền về phòng,             Sở Văn hóa      - Sở Y tế;       Quý II/2025\n"
                         "     chống dịch bệnh trên các phương tiện                        - UBND cấp\n"
                         "     thông tin đại chúng.                                        huyện.\n"
                         "II          Công tác kiểm tra\n"
                         "2    Kiểm tra, giám sát việc thực hiện          Sở Y tế         Các sở, ngành    Hằng năm\n"
                         "     các biện pháp phòng bệnh.\n"
                         "                                        5\n"
                         "\f      III. TỔ CHỨC THỰC HIỆN\n";
    EXPECT(wgroup, "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
                   "I | Công tác tuyên truyền\n"
                   "1 | Tổ chức tuyên truyền về phòng, chống dịch bệnh trên các phương tiện thông tin đại chúng. | "
                   "Sở Văn hóa | - Sở Y tế; - UBND cấp huyện. | Quý II/2025\n"
                   "II | Công tác kiểm tra\n"
                   "2 | Kiểm tra, giám sát việc thực hiện các biện pháp phòng bệnh. | Sở Y tế | Các sở, ngành | Hằng năm\n"
                   "III. TỔ CHỨC THỰC HIỆN\n");
    EXPECT(wtable, "II. NHIỆM VỤ\nTT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
                   "1 | Tổ chức tuyên truyền về phòng, chống dịch bệnh trên các phương tiện thông tin đại chúng. | "
                   "Sở Văn hóa | - Sở Y tế; - UBND cấp huyện. | Quý II/2025\n"
                   "2 | Kiểm tra, giám sát việc thực hiện các biện pháp phòng bệnh. | Sở Y tế | Các sở, ngành | Hằng năm\n"
                   "III. TỔ CHỨC THỰC HIỆN\n");
    /* such a table in a plain text of one line a paragraph, a row a line, with its column of
     * numbers or none ("Chỉ tiêu   Đơn vị   Kế hoạch"): its rows end at a line with no gap */
    EXPECT("3. Các chỉ tiêu về hạ tầng:\n"
           "STT   Chỉ tiêu                                   Đơn vị     Kế hoạch năm 2026\n"
           "1     Tỷ lệ đường xã được cứng hóa               %          97\n"
           "2     Tỷ lệ đường thôn được cứng hóa             %          90\n"
           "II. NHIỆM VỤ, GIẢI PHÁP\n",
           "3. Các chỉ tiêu về hạ tầng:\nSTT | Chỉ tiêu | Đơn vị | Kế hoạch năm 2026\n"
           "1 | Tỷ lệ đường xã được cứng hóa | % | 97\n2 | Tỷ lệ đường thôn được cứng hóa | % | 90\n"
           "II. NHIỆM VỤ, GIẢI PHÁP\n");
    EXPECT("8. Chỉ tiêu về chất lượng nước năm 2026:\n"
           "Chỉ tiêu                                              Đơn vị    Kế hoạch\n"
           "Tỷ lệ mẫu nước được kiểm tra đạt quy chuẩn             %         85\n"
           "Tỷ lệ công trình cấp nước tập trung được giám sát      %         100\n"
           "III. NHIỆM VỤ, GIẢI PHÁP\n",
           "8. Chỉ tiêu về chất lượng nước năm 2026:\nChỉ tiêu | Đơn vị | Kế hoạch\n"
           "Tỷ lệ mẫu nước được kiểm tra đạt quy chuẩn | % | 85\n"
           "Tỷ lệ công trình cấp nước tập trung được giám sát | % | 100\nIII. NHIỆM VỤ, GIẢI PHÁP\n");
    /* ... its head's words above and below the line of "TT", its rows on one line each from their
     * numbers ("1.1" set apart by one space), a total without a number, a heading after it */
    const char *wtotal = "                                        Diện tích        Tỷ lệ\n"
                         "TT          Loại đất\n"
                         "                                          (ha)            (%)\n"
                         " 1   Đất nông nghiệp                       1.250,5          62,50\n"
                         "1.1 Đất trồng lúa                            850,0          42,50\n"
                         " 2   Đất phi nông nghiệp                     750,0          37,50\n"
                         "     Tổng cộng                             2.000,5         100,00\n"
                         "     2. Quy hoạch sử dụng đất\n"
                         "\f     - Đất nông nghiệp: giữ ổn định.\n";
    EXPECT(wtotal, "TT | Loại đất | Diện tích (ha) | Tỷ lệ (%)\n1 | Đất nông nghiệp | 1.250,5 | 62,50\n"
                   "1.1 | Đất trồng lúa | 850,0 | 42,50\n2 | Đất phi nông nghiệp | 750,0 | 37,50\n"
                   "| Tổng cộng | 2.000,5 | 100,00\n2. Quy hoạch sử dụng đất\n- Đất nông nghiệp: giữ ổn định.\n");
    /* ... its head's words above the line of "STT" at the top of a page; on the next page, the
     * head again, and a row begun on the page before going on in small letters: a row of its own */
    const char *wpages = "      Các nhiệm vụ cụ thể:\n"
                         "\f                                            Cơ quan           Thời gian\n"
                         " STT   Nội dung                             thực hiện         hoàn thành\n"
                         "       Rà soát, cập nhật danh sách hộ\n"
                         "  1    nghèo, hộ cận nghèo trên địa bàn     UBND các xã       Trước ngày\n"
                         "       xã.                                                    30/11/2025\n"
                         "       Hỗ trợ vay vốn ưu đãi cho hộ         Ngân hàng\n"
                         "  2                                                           Năm 2025\n"
                         "       nghèo phát triển sản xuất, giảm      CSXH huyện\n"
                         "                                                                   2\n"
                         "\f STT   Nội dung                             Cơ quan           Thời gian\n"
                         "                                            thực hiện         hoàn thành\n"
                         "       nghèo bền vững; tổng kết, đánh\n"
                         "       giá kết quả thực hiện.\n"
                         "       Tổ chức đối thoại chính sách         Phòng LĐTBXH\n"
                         "  3                                                           Quý III/2025\n"
                         "       với hộ nghèo.                        huyện\n";
    EXPECT(wpages, "Các nhiệm vụ cụ thể:\nSTT | Nội dung | Cơ quan thực hiện | Thời gian hoàn thành\n"
                   "1 | Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn xã. | UBND các xã | Trước ngày "
                   "30/11/2025\n"
                   "2 | Hỗ trợ vay vốn ưu đãi cho hộ nghèo phát triển sản xuất, giảm | Ngân hàng CSXH huyện | Năm 2025\n"
                   "STT | Nội dung | Cơ quan thực hiện | Thời gian hoàn thành\n"
                   "| nghèo bền vững; tổng kết, đánh giá kết quả thực hiện. | |\n"
                   "3 | Tổ chức đối thoại chính sách với hộ nghèo. | Phòng LĐTBXH huyện | Quý III/2025\n");
    /* ... a table going on on the next page without its head: the same columns; a heading after
     * it ends it */
    const char *wnohead = "TT          Nội dung công việc                  Cơ quan         Cơ quan          Thời gian\n"
                          "                                                chủ trì         phối hợp         hoàn thành\n"
                          "     Tổ chức tuyên truyền về phòng,                             - Sở Y tế;\n"
                          "1    chống dịch bệnh trên các phương tiện       Sở Văn hóa      - UBND cấp       Quý II/2025\n"
                          "     thông tin đại chúng.                                        huyện.\n"
                          "                                        5\n"
                          "\f     Kiểm tra, giám sát việc thực hiện\n"
                          "2                                               Sở Y tế         Các sở, ngành    Hằng năm\n"
                          "     các biện pháp phòng bệnh.\n"
                          "      III. TỔ CHỨC THỰC HIỆN\n";
    EXPECT(wnohead, "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
                    "1 | Tổ chức tuyên truyền về phòng, chống dịch bệnh trên các phương tiện thông tin đại chúng. | "
                    "Sở Văn hóa | - Sở Y tế; - UBND cấp huyện. | Quý II/2025\n"
                    "2 | Kiểm tra, giám sát việc thực hiện các biện pháp phòng bệnh. | Sở Y tế | Các sở, ngành | Hằng năm\n"
                    "III. TỔ CHỨC THỰC HIỆN\n");
    plain = 0;
    EXPECT("Phát triển kinh tế\n- xã hội bền vững.\nTỔ CHỨC THỰC HIỆN,\nBÁO CÁO\n",
           "Phát triển kinh tế - xã hội bền vững.\nTỔ CHỨC THỰC HIỆN, BÁO CÁO\n");
    plain = 1;
    /* a name cut at its dash, the capital after it ("… của Sở Lao động" + "- Thương binh và Xã hội
     * …"), goes on; an item of a list of dashes does not ("- Kinh tế" + "- Xã hội") */
    EXPECT("Căn cứ Công văn số 5120/SLĐTBXH-BTXH của Sở Lao động\n- Thương binh và Xã hội tỉnh Nghệ An;\n",
           "Căn cứ Công văn số 5120/SLĐTBXH-BTXH của Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An;\n");
    EXPECT("Các lĩnh vực:\n- Kinh tế\n- Xã hội\n", "Các lĩnh vực:\n- Kinh tế\n- Xã hội\n");
    /* plain text, one paragraph per line: lines stay, blank lines collapse to one */
    EXPECT("Dòng một không dấu chấm\ndòng hai\n\n\n\nDòng ba.\n2\n", "Dòng một không dấu chấm\ndòng hai\n\nDòng ba.\n2\n");
    /* ... but a long line that ends no sentence, broken here and there, joins the next when that
     * starts with a word in small letters; short lines (a header's fields, a title), a line
     * opening "a)" and one opening on a file name stay */
    EXPECT("Tiêu đề\n1. Phấn đấu 100% cán bộ, công chức được tuyên truyền về\nbình đẳng giới và phòng chống bạo "
           "lực gia đình.\nDòng khác.\n",
           "Tiêu đề\n1. Phấn đấu 100% cán bộ, công chức được tuyên truyền về bình đẳng giới và phòng chống bạo lực "
           "gia đình.\nDòng khác.\n");
    EXPECT("Số: 19/KH-UBND\nngày 23 tháng 01 năm 2025\n", "Số: 19/KH-UBND\nngày 23 tháng 01 năm 2025\n");
    /* a DOCX's or a web page's lines are its paragraphs: none of them is a wrap */
    plain = 0;
    EXPECT("1. Phấn đấu 100% cán bộ, công chức được tuyên truyền về\nbình đẳng giới.\n",
           "1. Phấn đấu 100% cán bộ, công chức được tuyên truyền về\nbình đẳng giới.\n");
    plain = 1;
    EXPECT("Các đơn vị thực hiện nội dung sau đây trên địa bàn toàn tỉnh gồm có\na) Tuyên truyền;\n",
           "Các đơn vị thực hiện nội dung sau đây trên địa bàn toàn tỉnh gồm có\na) Tuyên truyền;\n");
    EXPECT("headers/001.txt headers/005.txt Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của\nheaders/003.txt x\n",
           "headers/001.txt headers/005.txt Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của\nheaders/003.txt x\n");
    /* table rows in a laid-out text keep their cells, joined by " | " */
    const char *table = "      Theo bảng sau đây, các chỉ tiêu của kế hoạch được giao cho\n"
                        "các đơn vị, địa phương thực hiện trong năm như sau:\n"
                        " 1   Đất ở                                            107.278,3         41,60\n"
                        " 2   Đất công trình công cộng                            3.722,3          1,44\n"
                        "      Các đơn vị có trách nhiệm thực hiện nghiêm túc các nội dung trên và\n"
                        "báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm để\n"
                        "tổng hợp.\n";
    EXPECT(table, "Theo bảng sau đây, các chỉ tiêu của kế hoạch được giao cho các đơn vị, địa phương thực hiện trong năm "
                  "như sau:\n1 | Đất ở | 107.278,3 | 41,60\n2 | Đất công trình công cộng | 3.722,3 | 1,44\n"
                  "Các đơn vị có trách nhiệm thực hiện nghiêm túc các nội dung trên và báo cáo kết quả về Ủy ban nhân "
                  "dân tỉnh trước ngày 15 tháng 12 hằng năm để tổng hợp.\n");
    /* cells three spaces apart, wherever in the line the gaps fall */
    for (int pre = 0; pre < 3; pre++) {
        char in[1024];
        snprintf(in, sizeof in,
                 "      Theo bảng sau đây, các chỉ tiêu của kế hoạch được giao cho\n"
                 "các đơn vị, địa phương thực hiện trong năm như sau:\n"
                 "%.*s1   Đất ở   107.278,3   41,60\n%.*s 2   Đất công cộng   3.722,3   1,44\n"
                 "      Các đơn vị có trách nhiệm thực hiện nghiêm túc các nội dung trên và\n"
                 "báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm để\n"
                 "tổng hợp.\n",
                 pre, "  ", pre, "  ");
        EXPECT(in, "Theo bảng sau đây, các chỉ tiêu của kế hoạch được giao cho các đơn vị, địa phương thực hiện trong "
                   "năm như sau:\n1 | Đất ở | 107.278,3 | 41,60\n2 | Đất công cộng | 3.722,3 | 1,44\n"
                   "Các đơn vị có trách nhiệm thực hiện nghiêm túc các nội dung trên và báo cáo kết quả về Ủy ban "
                   "nhân dân tỉnh trước ngày 15 tháng 12 hằng năm để tổng hợp.\n");
    }
    /* a signature centred on the right beside a recipient longer than the others, that runs past
     * where the signature's widest line starts: the signer's name is the right column's */
    EXPECT("                                            TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\n"
           "Nơi nhận:                                           PHÓ BÍ THƯ\n"
           "- Trung ương Đoàn (b/c);\n"
           "- Các huyện, thị, thành Đoàn, Đoàn trực thuộc;                 Huỳnh Thị Mỹ Linh\n"
           "- Lưu: VP, PTTN.\n",
           "Nơi nhận:\n- Trung ương Đoàn (b/c);\n- Các huyện, thị, thành Đoàn, Đoàn trực thuộc;\n- Lưu: VP, PTTN.\n"
           "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nPHÓ BÍ THƯ\nHuỳnh Thị Mỹ Linh\n");
    /* two signers side by side, their names in one row after the space for signing: each name
     * under its signer's lines */
    EXPECT("IV. TỔ CHỨC THỰC HIỆN\n"
           "Hai cơ quan phối hợp thực hiện.\n"
           "Trên đây là Kế hoạch liên tịch của hai cơ quan./.\n"
           "\n"
           "KT. TRƯỞNG PHÒNG                               KT. TRƯỞNG CÔNG AN HUYỆN\n"
           "PHÓ TRƯỞNG PHÒNG                               PHÓ TRƯỞNG CÔNG AN HUYỆN\n"
           "\n\n\n"
           "Lê Thị Thu Hà                                  Trung tá Nguyễn Văn Bình\n",
           "IV. TỔ CHỨC THỰC HIỆN\nHai cơ quan phối hợp thực hiện.\n"
           "Trên đây là Kế hoạch liên tịch của hai cơ quan./.\n\nKT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nLê Thị Thu Hà\n"
           "KT. TRƯỞNG CÔNG AN HUYỆN\nPHÓ TRƯỞNG CÔNG AN HUYỆN\nTrung tá Nguyễn Văn Bình\n");
}

static void test_real_headers(void)
{
    size_t len;
    char *in = slurp("tests/normalise/full_005.txt", &len);
    if (in) {
        res r;
        norm(&r, in, len, VP_TONE_NEW);
        long a = find_line(&r.t, "ỦY BAN NHÂN DÂN"), b = find_line(&r.t, "TỈNH NINH BÌNH"),
             c = find_line(&r.t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), d = find_line(&r.t, "Số: 196 /KH-UBND"),
             e = find_line(&r.t, "Ninh Bình, ngày 04 tháng 11 năm 2024"), k = find_line(&r.t, "KẾ HOẠCH");
        CHECK(a == 0 && b == 1, "005: authority lines first (got %ld %ld)", a, b);
        CHECK(c > b && d >= 0 && e > c, "005: header columns (got %ld %ld %ld)", c, d, e);
        CHECK(k > e, "005: KẾ HOẠCH after the header (got %ld)", k);
        CHECK(find_line(&r.t, "2") < 0 && find_line(&r.t, "9") < 0, "005: page numbers left");
        CHECK(strchr(r.t.data, '\f') == NULL, "005: form feed left");
        CHECK(find_line(&r.t, "II. NHIỆM VỤ, GIẢI PHÁP") > 0, "005: heading II not on its own line");
        CHECK(strstr(r.t.data, "Chỉ thị số 30/CT-TTg); theo đề nghị") != NULL, "005: 30/CT-TTg not rejoined");
        long nn = find_line(&r.t, "Nơi nhận:"), tm = find_line(&r.t, "TM. ỦY BAN NHÂN DÂN"),
             kt = find_line(&r.t, "KT. CHỦ TỊCH"), name = find_line(&r.t, "Tống Quang Thìn");
        CHECK(nn > 0 && tm > nn && kt == tm + 1 && name > kt, "005: signature block (%ld %ld %ld %ld)", nn, tm, kt,
              name);
        CHECK(find_line(&r.t, "- Bộ Văn hóa, Thể thao và Du lịch;") == nn + 1, "005: recipients");
        /* the map: a word maps back to the same word of the input */
        const char *w = "Tống Quang Thìn";
        const char *hit = strstr(r.t.data, w);
        CHECK(hit != NULL, "005: signer missing");
        if (hit) {
            size_t o = vp_text_orig_of(&r.t, (size_t)(hit - r.t.data));
            CHECK(o + strlen(w) <= len && memcmp(in + o, w, strlen(w)) == 0, "005: map of the signer");
        }
        hit = strstr(r.t.data, "Ninh Bình, ngày 04");
        if (hit) {
            size_t o = vp_text_orig_of(&r.t, (size_t)(hit - r.t.data));
            CHECK(o + 18 <= len && memcmp(in + o, "Ninh Bình, ngày 04", 18) == 0, "005: map of the date (right column)");
        }
        hit = strstr(r.t.data, "TTg); theo");
        if (hit) {
            size_t o = vp_text_orig_of(&r.t, (size_t)(hit - r.t.data));
            CHECK(o + 10 <= len && memcmp(in + o, "TTg); theo", 10) == 0, "005: map after a rejoined line");
        }
        /* every line start maps inside the input; segments sorted by norm */
        int sorted = 1;
        for (size_t i = 1; i < r.t.nmap; i++)
            if (r.t.map[i].norm <= r.t.map[i - 1].norm)
                sorted = 0;
        CHECK(sorted, "005: map not sorted");
        CHECK(r.t.data[r.t.len] == 0 && r.t.len && r.t.data[r.t.len - 1] == '\n', "005: text not NUL/LF-terminated");
        res_free(&r);
        free(in);
    }
    in = slurp("tests/normalise/full_001.txt", &len);
    if (in) {
        res r;
        norm(&r, in, len, VP_TONE_NEW);
        long a = find_line(&r.t, "ỦY BAN NHÂN DÂN"), b = find_line(&r.t, "THÀNH PHỐ HÀ NỘI"),
             c = find_line(&r.t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), d = find_line(&r.t, "Số:173 /KH-UBND"),
             e = find_line(&r.t, "Hà Nội, ngày 28 tháng 4 năm 2026");
        CHECK(a == 0 && b == 1 && d >= 0 && c > b && e > c, "001: header (%ld %ld %ld %ld %ld)", a, b, c, d, e);
        res_free(&r);
        free(in);
    }
    in = slurp("tests/normalise/full_012.txt", &len);
    if (in) {
        res r;
        norm(&r, in, len, VP_TONE_NEW);
        CHECK(strstr(r.t.data, "TRUNG TÂM") == NULL && strstr(r.t.data, "ttcbth@") == NULL &&
                  strstr(r.t.data, "+07:00") == NULL,
              "012: e-signature stamp left");
        CHECK(find_line(&r.t, "ỦY BAN NHÂN DÂN") == 0, "012: header first");
        res_free(&r);
        free(in);
    }
    in = slurp("tests/normalise/headers_001.txt", &len);
    if (in) {
        res r;
        norm(&r, in, len, VP_TONE_NEW);
        long a = find_line(&r.t, "ỦY BAN NHÂN DÂN"), b = find_line(&r.t, "Số: 2873/QĐ-UBND"),
             c = find_line(&r.t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
             d = find_line(&r.t, "Bình Định, ngày 08 tháng 07 năm 2021");
        CHECK(a >= 0 && b == a + 1 && c == b + 1 && d == c + 1, "pipe header (%ld %ld %ld %ld)", a, b, c, d);
        res_free(&r);
        free(in);
    }
}

static void test_seeds(void)
{
    const char *seeds[] = {"tests/normalise/seed_000.txt", "tests/normalise/seed_004.txt"};
    for (size_t i = 0; i < 2; i++) {
        size_t len;
        char *in = slurp(seeds[i], &len);
        if (!in)
            continue;
        res r;
        norm(&r, in, len, VP_TONE_NEW);
        size_t a = count_nonblank(in, len), b = count_nonblank(r.t.data, r.t.len);
        CHECK(a == b, "%s: %zu non-blank lines in, %zu out", seeds[i], a, b);
        res_free(&r);
        free(in);
    }
}

static void test_map_simple(void)
{
    const char *in = "\xEF\xBB\xBF  Xin\r\n  chào\xC2\xA0\xC2\xA0thế   giới";
    res r;
    norm(&r, in, strlen(in), VP_TONE_NEW);
    const char *words[] = {"Xin", "chào", "thế", "giới"};
    for (size_t i = 0; i < 4; i++) {
        const char *hit = strstr(r.t.data, words[i]);
        CHECK(hit != NULL, "word %s missing", words[i]);
        if (!hit)
            continue;
        size_t o = vp_text_orig_of(&r.t, (size_t)(hit - r.t.data));
        CHECK(o + strlen(words[i]) <= strlen(in) && memcmp(in + o, words[i], strlen(words[i])) == 0,
              "map of %s -> %zu", words[i], o);
    }
    CHECK(r.t.nlines >= 1 && r.t.lines[0] == 0, "lines[0]");
    res_free(&r);
}

static void test_big(void)
{
    /* a 10 MB single line: linear, and the map is still exact */
    size_t n = 10u << 20;
    char *in = vp_xmalloc(n + 1);
    static const char pat[] = "hoà bình thuỷ lợi ";
    size_t pl = sizeof pat - 1;
    for (size_t i = 0; i < n; i++)
        in[i] = pat[i % pl];
    n -= n % pl;
    in[n] = 0;
    res r;
    norm(&r, in, n, VP_TONE_NEW);
    CHECK(r.t.nlines == 1, "10 MB line: %zu lines", r.t.nlines);
    CHECK(r.t.len == n, "10 MB line: length %zu vs %zu", r.t.len, n);
    CHECK(strncmp(r.t.data, "hòa bình thủy lợi hòa", strlen("hòa bình thủy lợi hòa")) == 0, "10 MB line: tone");
    size_t off = r.t.len / 2;
    off -= off % pl;
    CHECK(vp_text_orig_of(&r.t, off) == off, "10 MB line: map");
    res_free(&r);
    free(in);
}

static void test_db_rows(void)
{
    /* a legal database's table of fields above the header: each row keeps its name and
     * value together (not read as a two-column block) */
    EXPECT("Số hiệu | 97/2025/QĐ-UBND |\nNgày ban hành | 08/09/2025 |\nNgười ký | Đặng Ngọc Hậu |\n"
           "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n",
           "Số hiệu | 97/2025/QĐ-UBND |\nNgày ban hành | 08/09/2025 |\nNgười ký | Đặng Ngọc Hậu |\n"
           "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
}

static void test_runin(void)
{
    /* a numbered list run into one paragraph is cut back into its items, Roman and Arabic
     * markers alike, the Arabic count going on across a Roman one */
    EXPECT("CÁC CHỈ TIÊU NHIỆM KỲ 2025-2030 I. Về kinh tế (2 chỉ tiêu) 1. Tốc độ tăng trưởng bình quân đạt 9%. "
           "2. Thu nhập bình quân đầu người: 95 triệu đồng. II. Về xã hội (1 chỉ tiêu) 3. Tỷ lệ lao động qua đào tạo: 75%.\n",
           "CÁC CHỈ TIÊU NHIỆM KỲ 2025-2030\nI. Về kinh tế (2 chỉ tiêu)\n1. Tốc độ tăng trưởng bình quân đạt 9%.\n"
           "2. Thu nhập bình quân đầu người: 95 triệu đồng.\nII. Về xã hội (1 chỉ tiêu)\n3. Tỷ lệ lao động qua đào tạo: 75%.\n");
    /* numbers that do not count on in order, or stand after a word, are no list */
    const char *prose = "Căn cứ Điều 2. Quy định chung và Điều 3. Quy định cụ thể của Luật, trong năm qua đã tổ chức "
                        "được 5. Hội nghị; 7. Lớp tập huấn; đạt kết quả tốt, vượt kế hoạch đề ra của năm.\n";
    EXPECT(prose, prose);
    /* one marker inside a line is not enough */
    const char *one = "Kế hoạch gồm các nội dung chính sau đây, được các sở, ngành và địa phương thống nhất triển "
                      "khai trong năm: 1. Tuyên truyền, phổ biến rộng rãi đến toàn thể cán bộ, công chức.\n";
    EXPECT(one, one);
}

static void test_page_number_plain(void)
{
    /* a plain text's lone figure far to the right between two paragraphs is its page's number */
    EXPECT("     Hoàn thành trong 6 tháng đầu năm 2025.\n\n                                        2\n     IV. KINH PHÍ\n",
           "Hoàn thành trong 6 tháng đầu năm 2025.\n\nIV. KINH PHÍ\n");
}

int main(void)
{
    char err[512];
    R = vp_rules_load("rules", err, sizeof err);
    if (!R) {
        printf("FAIL rules: %s\n0 passed, 1 failed\n", err);
        return 1;
    }
    M = vp_matcher_new(R);
    test_rule_examples();
    test_pubdate_kept();
    test_time_label_kept();
    test_tone();
    test_confusables();
    test_unicode();
    test_layout();
    test_runin();
    test_page_number_plain();
    test_db_rows();
    test_real_headers();
    test_seeds();
    test_map_simple();
    test_big();
    vp_matcher_free(M);
    vp_rules_free(R);
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail ? 1 : 0;
}
