"""The wording of the reply letter (答复书), one template per result type.

Placeholders: {basis} the legal basis as cited, {text} the handler's own words (reasons, how to
obtain the information), {referral} the competent body, {correction_requested}/{correct_by}.
"""

DENIED = "您申请获取的政府信息{what}，根据{basis}的规定，本机关决定不予公开。理由如下：{text}"

TEMPLATES: dict[str, str] = {
    "granted": "您申请获取的政府信息属于可以公开的政府信息，根据{basis}的规定，本机关予以公开。{text}",
    "partial": (
        "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{basis}的规定，"
        "本机关向您提供可以公开的部分；对不予公开的部分，理由如下：{text}"
    ),
    "denied_state_secret": DENIED.replace("{what}", "属于国家秘密"),
    "denied_prohibited": DENIED.replace("{what}", "属于法律、行政法规禁止公开的政府信息"),
    "denied_security": DENIED.replace(
        "{what}", "公开后可能危及国家安全、公共安全、经济安全、社会稳定"
    ),
    "denied_third_party": DENIED.replace(
        "{what}", "涉及商业秘密、个人隐私等，公开会损害第三方合法权益"
    ),
    "denied_internal": DENIED.replace(
        "{what}", "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息"
    ),
    "denied_process": DENIED.replace(
        "{what}",
        "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息",
    ),
    "denied_enforcement": DENIED.replace("{what}", "属于行政执法案卷信息"),
    "denied_query": DENIED.replace("{what}", "属于行政查询事项"),
    "unable_not_held": "经检索，本机关未制作、获取您申请获取的政府信息{referral}。根据{basis}的规定，特此告知。{text}",
    "unable_needs_creation": (
        "本机关没有现成的您申请获取的政府信息，需要对现有政府信息进行加工、分析或者另行制作。"
        "根据{basis}的规定，本机关无法提供。{text}"
    ),
    "unable_unclear": (
        "经告知补正，您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息。"
        "根据{basis}的规定，本机关无法提供。{text}"
    ),
    "notproc_complaint": (
        "您以政府信息公开申请的形式进行信访、投诉、举报等活动，根据{basis}的规定，"
        "本机关不作为政府信息公开申请处理。{text}"
    ),
    "notproc_repeat": (
        "本机关已就您申请获取的政府信息作出答复，您重复申请相同政府信息，根据{basis}的规定，"
        "本机关不予重复处理。{text}"
    ),
    "notproc_publication": (
        "您要求提供的是政府公报、报刊、书籍等公开出版物，根据{basis}的规定，告知您获取途径如下：{text}"
    ),
    "notproc_excessive": (
        "您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，您提出的理由不合理。"
        "根据{basis}的规定，本机关不予处理。{text}"
    ),
    "notproc_confirmation": (
        "您要求本机关确认或者重新出具您已获取的政府信息，根据{basis}的规定，本机关不予处理。{text}"
    ),
    "other_no_correction": (
        "本机关已于{correction_requested}告知您补正申请，补正期限至{correct_by}。您无正当理由逾期未补正，"
        "根据{basis}的规定，视为放弃申请，本机关不再处理您的政府信息公开申请。{text}"
    ),
    "other_unpaid_fee": (
        "您未在收费通知要求的期限内缴纳信息处理费，根据{basis}的规定，"
        "本机关不再处理您的政府信息公开申请。{text}"
    ),
    "other": "{text}根据{basis}的规定，特此告知。",
}

REFERRAL = "，该信息不属于本机关负责公开。经核实，负责公开该信息的机关为{body}，您可以向其提出申请"
