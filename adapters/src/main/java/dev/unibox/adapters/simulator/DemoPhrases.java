package dev.unibox.adapters.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What demo buyers type: for each topic and language, ways to open the conversation and follow-ups,
 * written the way buyers on Shopee in South-East Asia and Taiwan actually type (short, casual, mixed
 * punctuation), plus nudges when nobody answers and thanks.
 */
public final class DemoPhrases {

  public enum Language { EN, ZH_CN, ZH_TW, TH, VI, MS }

  public enum Topic {
    SIZE(false), COUPON_STACKING(false), STOCK(false),
    TRACKING(false), ADDRESS_CHANGE(false),
    REFUND(true), DAMAGED(true), WRONG_ITEM(true), NOT_RECEIVED(true);

    private final boolean urgent;

    Topic(boolean urgent) {
      this.urgent = urgent;
    }

    /** An after-sale complaint the shop must handle first. */
    public boolean urgent() {
      return urgent;
    }
  }

  public record Lines(List<String> openers, List<String> followUps) {}

  private static final Map<Topic, Map<Language, Lines>> CATALOGUE = new EnumMap<>(Topic.class);
  private static final Map<Language, List<String>> NUDGES = new EnumMap<>(Language.class);
  private static final Map<Language, List<String>> THANKS = new EnumMap<>(Language.class);

  private DemoPhrases() {}

  public static Lines lines(Topic topic, Language language) {
    return CATALOGUE.get(topic).get(language);
  }

  /** What a buyer types when nobody has answered yet. */
  public static List<String> nudges(Language language) {
    return NUDGES.get(language);
  }

  public static List<String> thanks(Language language) {
    return THANKS.get(language);
  }

  private static void add(Topic topic, Language language, List<String> openers, List<String> followUps) {
    CATALOGUE.computeIfAbsent(topic, t -> new EnumMap<>(Language.class)).put(language, new Lines(openers, followUps));
  }

  static {
    // Pre-sale: size
    add(Topic.SIZE, Language.EN,
        List.of("Hi, I'm 165cm and 55kg, which size should I get?", "does this shirt run small? I usually wear M"),
        List.of("how long is it? I don't want it too short", "ok can you check the chest width for size L"));
    add(Topic.SIZE, Language.ZH_CN,
        List.of("亲,我身高160体重52公斤穿什么码?", "这款偏大还是偏小?平时穿M"),
        List.of("衣长大概多少cm呀", "那L码胸围是多少"));
    add(Topic.SIZE, Language.ZH_TW,
        List.of("請問我身高158、體重50公斤要穿哪個尺寸?", "這件版型偏大還偏小?我平常穿M"),
        List.of("衣長大概幾公分呢?", "那L的胸寬是多少"));
    add(Topic.SIZE, Language.TH,
        List.of("สูง 160 หนัก 52 ใส่ไซส์ไหนดีคะ", "ตัวนี้ไซส์เล็กกว่าปกติไหมครับ ปกติใส่ M"),
        List.of("ความยาวเสื้อประมาณกี่ซมคะ", "ไซส์ L รอบอกเท่าไหร่คะ"));
    add(Topic.SIZE, Language.VI,
        List.of("shop ơi mình cao 1m60 nặng 52kg mặc size nào vừa ạ?", "áo này form rộng hay ôm vậy shop? mình hay mặc M"),
        List.of("áo dài khoảng bao nhiêu cm ạ?", "size L vòng ngực bao nhiêu shop?"));
    add(Topic.SIZE, Language.MS,
        List.of("saya tinggi 160cm berat 52kg, sesuai size apa ya?", "baju ni saiz besar ke kecik? biasa pakai M"),
        List.of("panjang baju berapa cm?", "size L lebar dada berapa sis?"));

    // Pre-sale: can vouchers be combined
    add(Topic.COUPON_STACKING, Language.EN,
        List.of("can I use the shop voucher together with the free shipping voucher?",
            "hi, can the 10% off coupon stack with the flash sale price?"),
        List.of("I tried at checkout but it only lets me pick one", "so which one gives the bigger discount?"));
    add(Topic.COUPON_STACKING, Language.ZH_CN,
        List.of("店铺优惠券和包邮券可以一起用吗?", "秒杀价还能叠加满减券吗?"),
        List.of("我结算的时候只能选一张", "那怎么买最划算?"));
    add(Topic.COUPON_STACKING, Language.ZH_TW,
        List.of("請問賣場的折價券可以跟免運券一起用嗎?", "限時特價還可以再用9折券嗎?"),
        List.of("我結帳時只能選一張耶", "那怎麼買比較划算?"));
    add(Topic.COUPON_STACKING, Language.TH,
        List.of("โค้ดส่วนลดร้านใช้คู่กับโค้ดส่งฟรีได้ไหมคะ", "ราคา flash sale ใช้คูปองลดเพิ่มได้อีกไหมครับ"),
        List.of("ตอนจ่ายเงินเลือกได้แค่อันเดียวค่ะ", "แบบไหนคุ้มกว่าคะ"));
    add(Topic.COUPON_STACKING, Language.VI,
        List.of("mã giảm giá của shop dùng chung với mã freeship được không ạ?",
            "giá flash sale có áp thêm voucher 10% được không shop?"),
        List.of("lúc thanh toán mình chỉ chọn được 1 mã thôi", "vậy mua sao cho lợi nhất ạ?"));
    add(Topic.COUPON_STACKING, Language.MS,
        List.of("boleh guna baucar kedai sekali dengan baucar free shipping tak?",
            "harga flash sale boleh guna lagi coupon 10% tak?"),
        List.of("masa checkout dia bagi pilih satu je", "so yang mana lagi jimat?"));

    // Pre-sale: stock
    add(Topic.STOCK, Language.EN,
        List.of("is the black one still in stock? I need 3 pcs", "hi when will size L be restocked?"),
        List.of("if I order today when will you ship?", "can you keep one for me until payday?"));
    add(Topic.STOCK, Language.ZH_CN,
        List.of("黑色还有货吗?我要三件", "L码什么时候补货呀?"),
        List.of("今天下单什么时候发货?", "可以帮我留一件吗"));
    add(Topic.STOCK, Language.ZH_TW,
        List.of("請問黑色還有貨嗎?想買3件", "L號什麼時候會補貨?"),
        List.of("今天下單大概什麼時候出貨?", "可以先幫我保留一件嗎"));
    add(Topic.STOCK, Language.TH,
        List.of("สีดำยังมีของไหมคะ เอา 3 ตัว", "ไซส์ L จะมีของเข้าอีกเมื่อไหร่ครับ"),
        List.of("ถ้าสั่งวันนี้จะส่งวันไหนคะ", "ช่วยเก็บไว้ให้ก่อนได้ไหมคะ"));
    add(Topic.STOCK, Language.VI,
        List.of("màu đen còn hàng không shop? mình lấy 3 cái", "khi nào size L có hàng lại ạ?"),
        List.of("đặt hôm nay thì bao giờ shop gửi ạ?", "shop giữ hàng giúp mình được không?"));
    add(Topic.STOCK, Language.MS,
        List.of("warna hitam ada stok lagi tak? nak 3 helai", "bila size L restock?"),
        List.of("kalau order hari ni bila boleh pos?", "boleh tolong keep satu untuk saya tak?"));

    // Logistics: tracking
    add(Topic.TRACKING, Language.EN,
        List.of("hi, my order says shipped 5 days ago but tracking isn't updating",
            "can you give me the tracking number? nothing shows in the app"),
        List.of("the courier says they haven't received the parcel", "please check, I need it before the weekend"));
    add(Topic.TRACKING, Language.ZH_CN,
        List.of("我的订单显示已发货五天了,物流一直没更新", "麻烦给一下快递单号,APP里看不到"),
        List.of("快递说还没收到包裹", "周末前能到吗?挺急的"));
    add(Topic.TRACKING, Language.ZH_TW,
        List.of("訂單顯示已出貨5天了,物流都沒更新", "可以給我物流單號嗎?APP上查不到"),
        List.of("超商說還沒收到包裹", "週末前到得了嗎?有點急"));
    add(Topic.TRACKING, Language.TH,
        List.of("สั่งไป 5 วันแล้ว สถานะขึ้นว่าจัดส่งแล้วแต่เช็คพัสดุไม่ขึ้นเลยค่ะ", "ขอเลขพัสดุหน่อยครับ ในแอปไม่ขึ้น"),
        List.of("ขนส่งบอกว่ายังไม่ได้รับของเลยค่ะ", "จะได้ก่อนเสาร์อาทิตย์ไหมคะ รีบใช้"));
    add(Topic.TRACKING, Language.VI,
        List.of("đơn của mình báo đã gửi 5 ngày rồi mà không cập nhật hành trình",
            "shop cho mình xin mã vận đơn với, trên app không thấy"),
        List.of("bên vận chuyển bảo chưa nhận được hàng", "cuối tuần có nhận được không shop, mình đang cần gấp"));
    add(Topic.TRACKING, Language.MS,
        List.of("order dah 5 hari status shipped tapi tracking tak update langsung",
            "boleh bagi tracking number? dalam app tak keluar"),
        List.of("kurier cakap diorang belum terima parcel", "sempat sampai sebelum weekend tak? urgent ni"));

    // Logistics: change of address
    add(Topic.ADDRESS_CHANGE, Language.EN,
        List.of("I put the wrong address, can I change it before you ship?",
            "hi pls change the delivery address to my office, order not shipped yet"),
        List.of("new address is Blk 123 Tampines St 11 #05-67, S520123", "can you confirm you updated it?"));
    add(Topic.ADDRESS_CHANGE, Language.ZH_CN,
        List.of("地址填错了,还没发货能改吗?", "麻烦帮我把收货地址改成公司地址"),
        List.of("新地址发你了,帮我确认一下", "改好了吗?"));
    add(Topic.ADDRESS_CHANGE, Language.ZH_TW,
        List.of("地址打錯了,還沒出貨可以改嗎?", "想改成7-11門市取貨,可以嗎?"),
        List.of("新的門市是台北市大安區的忠孝門市", "請問改好了嗎?"));
    add(Topic.ADDRESS_CHANGE, Language.TH,
        List.of("ใส่ที่อยู่ผิดค่ะ ยังไม่ส่งของเปลี่ยนได้ไหมคะ", "ขอเปลี่ยนที่อยู่จัดส่งเป็นที่ทำงานได้ไหมครับ"),
        List.of("ส่งที่อยู่ใหม่ให้ในแชทแล้วนะคะ", "เปลี่ยนให้แล้วใช่ไหมคะ"));
    add(Topic.ADDRESS_CHANGE, Language.VI,
        List.of("mình ghi sai địa chỉ, chưa gửi hàng thì đổi được không ạ?",
            "shop đổi giúp mình địa chỉ nhận hàng sang công ty nhé"),
        List.of("địa chỉ mới mình gửi trong tin nhắn rồi đó", "shop đổi giúp mình chưa ạ?"));
    add(Topic.ADDRESS_CHANGE, Language.MS,
        List.of("saya salah letak alamat, belum pos boleh tukar tak?", "tolong tukar alamat penghantaran ke office saya"),
        List.of("alamat baru: No 12, Jalan Mawar 3, Taman Melati, 53100 KL", "dah tukar ke belum?"));

    // After-sale, urgent: refund
    add(Topic.REFUND, Language.EN,
        List.of("it's been 2 weeks, where is my refund??", "you cancelled my order but I still haven't got my money back"),
        List.of("I already returned the item, tracking shows you received it", "if no reply today I'll report to Shopee"));
    add(Topic.REFUND, Language.ZH_CN,
        List.of("退款怎么还没到账?都两个星期了", "卖家取消了订单,钱一直没退回来"),
        List.of("退货你们已经签收了,快点处理退款", "今天再不处理我就投诉了"));
    add(Topic.REFUND, Language.ZH_TW,
        List.of("退款怎麼還沒收到?已經兩個禮拜了", "賣家取消訂單了,錢一直沒退回來"),
        List.of("退貨已經寄回去了,物流顯示已送達", "今天再沒處理我就要跟蝦皮客服反映了"));
    add(Topic.REFUND, Language.TH,
        List.of("ยังไม่ได้เงินคืนเลยค่ะ ผ่านมาสองอาทิตย์แล้ว", "ร้านยกเลิกออเดอร์แต่เงินยังไม่คืนครับ"),
        List.of("ส่งของคืนไปแล้ว ขนส่งขึ้นว่าถึงร้านแล้วค่ะ", "ถ้าวันนี้ไม่ตอบจะแจ้ง Shopee นะคะ"));
    add(Topic.REFUND, Language.VI,
        List.of("2 tuần rồi mà vẫn chưa nhận được tiền hoàn", "shop hủy đơn mà tiền chưa hoàn lại cho mình"),
        List.of("mình gửi trả hàng rồi, bên vận chuyển báo đã giao cho shop",
            "hôm nay không giải quyết là mình khiếu nại lên Shopee đó"));
    add(Topic.REFUND, Language.MS,
        List.of("dah 2 minggu refund tak masuk lagi", "seller cancel order tapi duit tak dapat balik"),
        List.of("barang dah return, tracking tunjuk dah sampai kat kedai", "kalau hari ni tak settle saya report Shopee"));

    // After-sale, urgent: damaged
    add(Topic.DAMAGED, Language.EN,
        List.of("item arrived damaged, box crushed and the glass is cracked", "received it broken!! I want a refund or replacement"),
        List.of("I have photos and the unboxing video", "pls reply asap, it's for a gift"));
    add(Topic.DAMAGED, Language.ZH_CN,
        List.of("收到的东西是坏的,盒子压扁了,玻璃也碎了", "商品破损,我要退款"),
        List.of("我有开箱视频和照片", "这是送人的礼物,麻烦尽快处理"));
    add(Topic.DAMAGED, Language.ZH_TW,
        List.of("收到的商品破損了,我要退款", "外箱被壓爛,裡面的杯子也破了"),
        List.of("我有錄開箱影片", "這是要送人的,請盡快處理"));
    add(Topic.DAMAGED, Language.TH,
        List.of("สินค้าเสียหาย ขอคืนเงินค่ะ", "ได้ของแล้วกล่องบุบ แก้วแตกเลยครับ"),
        List.of("มีคลิปตอนแกะกล่องค่ะ", "ช่วยรีบตอบหน่อยนะคะ จะเอาไปให้เป็นของขวัญ"));
    add(Topic.DAMAGED, Language.VI,
        List.of("hàng bị vỡ, tôi muốn hoàn tiền", "nhận hàng hộp bị móp, ly bên trong vỡ luôn"),
        List.of("mình có quay video lúc mở hàng", "shop xử lý gấp giúp mình, mình mua để tặng"));
    add(Topic.DAMAGED, Language.MS,
        List.of("barang sampai rosak, nak refund", "kotak kemek, gelas dalam tu pecah"),
        List.of("saya ada video unboxing", "tolong cepat sikit, nak bagi hadiah"));

    // After-sale, urgent: wrong item
    add(Topic.WRONG_ITEM, Language.EN,
        List.of("you sent the wrong colour, I ordered blue but got pink", "wrong item received, this is not what I ordered"),
        List.of("how do I return it? who pays the shipping?", "I need the correct one urgently"));
    add(Topic.WRONG_ITEM, Language.ZH_CN,
        List.of("发错货了,我买的是蓝色,收到的是粉色", "收到的根本不是我买的东西"),
        List.of("怎么退?运费谁出?", "急用,麻烦尽快补发正确的"));
    add(Topic.WRONG_ITEM, Language.ZH_TW,
        List.of("寄錯了,我訂的是藍色,收到粉紅色", "收到的東西跟我訂的不一樣"),
        List.of("要怎麼退換?運費誰出?", "我急著要用,麻煩盡快補寄"));
    add(Topic.WRONG_ITEM, Language.TH,
        List.of("ส่งสีผิดค่ะ สั่งสีฟ้าแต่ได้สีชมพู", "ได้ของไม่ตรงกับที่สั่งครับ"),
        List.of("ต้องส่งคืนยังไงคะ ค่าส่งใครจ่าย", "รีบใช้ค่ะ ช่วยส่งของที่ถูกมาด่วนเลย"));
    add(Topic.WRONG_ITEM, Language.VI,
        List.of("shop giao sai màu rồi, mình đặt xanh mà nhận màu hồng", "hàng nhận được không đúng với đơn mình đặt"),
        List.of("trả hàng thế nào, phí ship ai chịu ạ?", "mình cần gấp, shop gửi lại đúng hàng giúp mình"));
    add(Topic.WRONG_ITEM, Language.MS,
        List.of("hantar warna salah, saya order biru dapat pink", "barang yang sampai bukan yang saya order"),
        List.of("macam mana nak return? siapa bayar pos?", "saya nak guna cepat, tolong hantar yang betul"));

    // After-sale, urgent: not received
    add(Topic.NOT_RECEIVED, Language.EN,
        List.of("app says delivered but I never received anything", "parcel marked delivered yesterday, nothing at my door"),
        List.of("I asked my neighbours and the guard, nobody has it", "please help, I want my money back"));
    add(Topic.NOT_RECEIVED, Language.ZH_CN,
        List.of("显示已签收但我根本没收到", "昨天显示派送成功,门口什么都没有"),
        List.of("问了邻居和保安都说没看到", "请帮我查一下,不然我要退款"));
    add(Topic.NOT_RECEIVED, Language.ZH_TW,
        List.of("物流顯示已送達,可是我沒收到", "顯示已取件但我根本沒去拿"),
        List.of("問過管理室了,他們也說沒有", "請幫我查一下,不然我要申請退款"));
    add(Topic.NOT_RECEIVED, Language.TH,
        List.of("ในแอปขึ้นว่าจัดส่งสำเร็จแล้ว แต่ยังไม่ได้รับของเลยค่ะ", "ขึ้นว่าส่งถึงแล้วเมื่อวาน แต่หน้าบ้านไม่มีอะไรเลยครับ"),
        List.of("ถาม รปภ. กับเพื่อนบ้านแล้วก็ไม่มีใครเห็นค่ะ", "ช่วยตามให้หน่อยนะคะ ไม่งั้นขอคืนเงิน"));
    add(Topic.NOT_RECEIVED, Language.VI,
        List.of("app báo giao thành công mà mình chưa nhận được gì hết", "hôm qua báo đã giao nhưng trước cửa không có gì"),
        List.of("mình hỏi bảo vệ với hàng xóm rồi, không ai thấy", "shop kiểm tra giúp mình, không thì mình muốn hoàn tiền"));
    add(Topic.NOT_RECEIVED, Language.MS,
        List.of("app kata delivered tapi saya tak terima apa-apa pun", "semalam status delivered tapi depan rumah takde apa"),
        List.of("dah tanya guard dengan jiran, semua cakap takde", "tolong check, kalau tak saya nak refund"));

    NUDGES.put(Language.EN, List.of("hello? anyone there?", "please reply", "??"));
    NUDGES.put(Language.ZH_CN, List.of("在吗?", "人呢?怎么不回复", "??"));
    NUDGES.put(Language.ZH_TW, List.of("請問有人在嗎?", "怎麼都不回?", "??"));
    NUDGES.put(Language.TH, List.of("มีใครอยู่ไหมคะ", "ตอบด้วยค่ะ", "??"));
    NUDGES.put(Language.VI, List.of("shop ơi có ai không?", "shop trả lời mình với", "??"));
    NUDGES.put(Language.MS, List.of("hello? ada orang tak?", "tolong reply", "??"));

    THANKS.put(Language.EN, List.of("ok thanks", "noted, thank you!"));
    THANKS.put(Language.ZH_CN, List.of("好的谢谢", "好的,知道了"));
    THANKS.put(Language.ZH_TW, List.of("好的謝謝", "了解,感謝"));
    THANKS.put(Language.TH, List.of("โอเคค่ะ ขอบคุณค่ะ", "ขอบคุณครับ"));
    THANKS.put(Language.VI, List.of("dạ cảm ơn shop", "ok shop, cảm ơn ạ"));
    THANKS.put(Language.MS, List.of("ok terima kasih", "baik, thanks sis"));
  }
}
