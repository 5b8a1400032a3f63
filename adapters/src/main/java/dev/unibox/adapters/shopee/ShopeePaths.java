package dev.unibox.adapters.shopee;

/** The Shopee Open Platform v2 endpoints we call (and the fake serves), written once. */
public final class ShopeePaths {

  public static final String SEND_MESSAGE = "/api/v2/sellerchat/send_message";
  /** Text only; not supported for TW shops [reported]. Body {to_id, content: {text}} like send_message. */
  public static final String SEND_AUTOREPLY = "/api/v2/sellerchat/send_autoreply_message";
  public static final String UPLOAD_IMAGE = "/api/v2/sellerchat/upload_image";
  public static final String GET_MESSAGE = "/api/v2/sellerchat/get_message";
  public static final String GET_CONVERSATION_LIST = "/api/v2/sellerchat/get_conversation_list";
  public static final String READ_CONVERSATION = "/api/v2/sellerchat/read_conversation";
  public static final String GET_LOST_PUSH = "/api/v2/push/get_lost_push_message";
  public static final String CONFIRM_LOST_PUSH = "/api/v2/push/confirm_consumed_lost_push_message";
  public static final String REFRESH_TOKEN = "/api/v2/auth/access_token/get";
  public static final String GET_ORDER_LIST = "/api/v2/order/get_order_list";
  public static final String GET_ORDER_DETAIL = "/api/v2/order/get_order_detail";

  private ShopeePaths() {}
}
