using System.Globalization;

namespace Huikuan.DataGen;

/// <summary>Company and person names built from pieces, as Chinese business registrations are (city + trade name + industry + form).</summary>
internal static class Names
{
    private static readonly string[] Cities =
    [
        "上海", "北京", "深圳", "广州", "杭州", "南京", "苏州", "成都", "武汉", "天津", "重庆", "西安", "青岛", "厦门", "宁波",
        "长沙", "郑州", "合肥", "无锡", "佛山", "东莞", "济南", "福州", "昆明", "大连", "沈阳", "哈尔滨", "石家庄", "南昌", "温州",
    ];

    private static readonly string[] TradeWords =
    [
        "宏达", "华信", "鹏程", "恒通", "金桥", "瑞丰", "联创", "永盛", "嘉禾", "中远", "新源", "汇丰", "天成", "博远", "海纳",
        "众邦", "振华", "鑫隆", "东方", "长城", "卓越", "润泽", "正泰", "宝利", "盛世", "安达", "启明", "和信", "立德", "精工",
    ];

    private static readonly string[] Industries =
    [
        "机电", "科技", "电子", "软件", "物流", "建材", "医疗器械", "化工", "精密制造", "重工", "汽车配件", "食品", "贸易", "进出口",
        "包装材料", "纺织", "环保设备", "信息技术", "五金", "新能源",
    ];

    private static readonly string[] Forms = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"];

    private static readonly string[] EnglishFirst =
    [
        "Harbor", "Northwind", "Pacific", "Evergreen", "Summit", "Silverline", "Bluewater", "Redwood", "Granite", "Lakeside",
        "Ironbridge", "Golden Gate", "Maple", "Oakridge", "Sunrise", "Westfield", "Eastgate", "Crescent", "Atlas", "Beacon",
    ];

    private static readonly string[] EnglishSecond =
    [
        "Logistics", "Trading", "Components", "Retail", "Engineering", "Electronics", "Foods", "Machinery", "Textiles", "Supplies",
        "Systems", "Packaging", "Chemicals", "Instruments", "Motors",
    ];

    private static readonly string[] EnglishForms = ["Ltd", "Co., Ltd.", "Inc.", "GmbH", "Pte. Ltd.", "Group", "LLC"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"];

    private static readonly string[] GivenNames = ["芳", "强", "静", "伟", "敏", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "建华", "晓东"];

    private static readonly string[] Pinyin = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin"];

    private static readonly string[] CityPinyin =
    [
        "Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hangzhou", "Nanjing", "Suzhou", "Chengdu", "Wuhan", "Tianjin", "Chongqing",
        "Xi'an", "Qingdao", "Xiamen", "Ningbo", "Changsha", "Zhengzhou", "Hefei", "Wuxi", "Foshan", "Dongguan", "Jinan", "Fuzhou",
        "Kunming", "Dalian", "Shenyang", "Harbin", "Shijiazhuang", "Nanchang", "Wenzhou",
    ];

    /// <summary>
    /// A company name unique among <paramref name="taken"/>, as registered names are (a 企业名称 is unique where it is
    /// registered, and a customer master holds each company once). The drawn name when it is free; otherwise a second
    /// trade word (上海宏达振华机电有限公司) or, for a foreign company, its local entity's city (Atlas Motors (Suzhou) Co.,
    /// Ltd.), chosen from the customer's number so that the random sequence, and with it the rest of the data set, stays
    /// as drawn. Names count as equal as payers' names are compared: legal forms, brackets and spaces aside.
    /// </summary>
    public static string UniqueCompany(Prng rng, int index, HashSet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var parts = CompanyParts(rng);
        for (var variant = 0; ; variant++)
        {
            var name = parts.Name(index + variant, variant);
            if (taken.Add(Huikuan.Domain.BankMatching.PayerNames.Normalise(name).Full))
            {
                return name;
            }
        }
    }

    /// <summary>Four customers in five are Chinese companies, one in five foreign.</summary>
    private static CompanyName CompanyParts(Prng rng) => rng.Chance(800)
        ? new CompanyName(true, rng.Pick(Cities), rng.Pick(TradeWords), rng.Pick(Industries), rng.Pick(Forms))
        : new CompanyName(false, rng.Pick(EnglishFirst), rng.Pick(EnglishSecond), "", rng.Pick(EnglishForms));

    /// <summary>A drawn name's parts: city, trade word, industry and form, or for a foreign company first word, second word and form.</summary>
    private sealed record CompanyName(bool Chinese, string First, string Second, string Industry, string Form)
    {
        /// <summary>The name itself (variant 0), or its <paramref name="variant"/>-th distinct variant, picked by <paramref name="pick"/>.</summary>
        public string Name(int pick, int variant = 0)
        {
            if (variant == 0)
            {
                return Chinese ? First + Second + Industry + Form : First + " " + Second + " " + Form;
            }
            var round = (variant - 1) / TradeWords.Length;
            var suffix = round == 0 ? "" : (round + 1).ToString(CultureInfo.InvariantCulture);
            return Chinese
                ? First + Second + TradeWords[pick % TradeWords.Length] + suffix + Industry + Form
                : First + " " + Second + " (" + CityPinyin[pick % CityPinyin.Length] + (suffix.Length > 0 ? " " + suffix : "") + ") " + Form;
        }
    }

    /// <summary>"王芳 Wang" style: the Chinese name with the surname in pinyin for the English UI.</summary>
    public static string Person(Prng rng)
    {
        var s = rng.Next(Surnames.Length);
        return Surnames[s] + rng.Pick(GivenNames) + " " + Pinyin[s];
    }

    /// <summary>An 18-character unified social credit code shape (统一社会信用代码); not check-digit valid.</summary>
    public static string TaxId(Prng rng) =>
        "91" + rng.NextLong(100000, 999999).ToString(CultureInfo.InvariantCulture) + rng.NextLong(1000000000, 9999999999).ToString(CultureInfo.InvariantCulture);

    public static string Phone(Prng rng) => "1" + rng.NextLong(3000000000, 9999999999).ToString(CultureInfo.InvariantCulture);

    private static readonly string[] Goods =
    [
        "货物销售 Goods", "技术服务费 Technical services", "设备租赁 Equipment rental", "软件许可 Software licence", "运输服务 Freight",
        "安装调试 Installation", "维保服务 Maintenance", "原材料 Raw materials", "备品备件 Spare parts", "咨询服务 Consulting",
    ];

    /// <summary>A line description and its usual VAT rate in basis points (13 % goods, 9 % transport and rental, 6 % services).</summary>
    public static (string Description, int TaxBasisPoints) Product(Prng rng)
    {
        var i = rng.Next(Goods.Length);
        var rate = i switch
        {
            0 or 7 or 8 or 3 => 1300,
            2 or 4 => 900,
            _ => 600,
        };
        return (Goods[i], rate);
    }
}
