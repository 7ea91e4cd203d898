"""附件1 of seed 004 (《关于全面推进基层政务公开标准化规范化的意见》): 基层政务公开标准化规范化
工作任务分工和进度安排, typed from the seed row by row, and written as a workbook shaped like it.

The seed is an OCR of the attachment. Obvious recognition errors are corrected (像域/便域/倭城 →
领域, 鲁设区市/各没区市/各设K市 → 各设区市, 省政府Tf关部门/市关部门 → 有关部门, 斤 → 厅, 依申清 →
依申请, 精淮 → 精准, 人口 → 入口, 荏立 → 建立, 审有 → 审看, 冏查 → 调查, Pl应/PJ应 → 回应, 付论 →
讨论, 议聘 → 议题, 遨清 → 邀请, 两查 → 调查, 幕层 → 基层, 二级 → 三级); the 主管责任单位 cells the
OCR cut to “省政府”/“政府” (rows 1, 6, 8, 15) read 各设区市政府 like every other row. The
deadlines are exactly as printed, including row 8's “2022年9底前”. The header is repeated where
the printed table starts a new page (before rows 8, 16 and 22), as in the seed.
"""

import io

from openpyxl import Workbook

TITLE = "基层政务公开标准化规范化工作任务分工和进度安排"
HEADER = [
    "序号",
    "工作任务",
    "具体事项",
    "主管责任单位",
    "主体责任单位",
    "指导责任单位",
    "完成时间",
]
CITIES = "各设区市政府"
BASE = "各县(市、区)和乡镇政府(街道办)"
OFFICE = "省政府办公厅"
RELEVANT = "省政府有关部门"
SERVICE = "省政务服务办"
SERVICE_OFFICE = "省政务服务管理办公室"
DOMAIN_DEPARTMENTS = (
    "省发展改革委、省教育厅、省公安厅、省民政厅、省司法厅、省财政厅、省人力资源社会保障厅、"
    "省自然资源厅、省生态环境厅、省住房城乡建设厅、省农业农村厅、省文化和旅游厅、省卫生健康委、"
    "省应急厅、省市场监管局、省政务服务办、省扶贫办、省税务局"
)

# (序号, 工作任务, 具体事项 as printed with its number, 主管, 主体, 指导, 完成时间)
TASKS: list[tuple[int, str, str, str, str, str, str]] = [
    (
        1,
        "梳理基层政务公开事项",
        "(1)梳理规范基层政府权责清单",
        CITIES,
        BASE,
        SERVICE,
        "2020年8月底前",
    ),
    (
        1,
        "梳理基层政务公开事项",
        "(2)梳理规范基层政府公共服务清单",
        CITIES,
        BASE,
        SERVICE,
        "2020年8月底前",
    ),
    (
        1,
        "梳理基层政务公开事项",
        "(3)制定县、乡两级政务公开事项清单",
        CITIES,
        BASE,
        OFFICE,
        "2020年8月底前",
    ),
    (
        2,
        "编制汇总公开标准目录",
        "(4)编制26个领域政务公开标准目录",
        CITIES,
        BASE,
        DOMAIN_DEPARTMENTS,
        "2020年10月底前",
    ),
    (
        2,
        "编制汇总公开标准目录",
        "(5)建立县、乡两级政务公开标准目录体系并统一公开",
        CITIES,
        BASE,
        OFFICE,
        "2020年11月底前",
    ),
    (
        3,
        "落实其他领域标准指引",
        "(6)系统梳理其他领域政务公开事项",
        CITIES,
        BASE,
        RELEVANT,
        "2022年8月底前",
    ),
    (
        3,
        "落实其他领域标准指引",
        "(7)制定其他领域政务公开事项清单",
        CITIES,
        BASE,
        RELEVANT,
        "2022年8月底前",
    ),
    (
        3,
        "落实其他领域标准指引",
        "(8)编制其他领域政务公开标准目录",
        CITIES,
        BASE,
        RELEVANT,
        "2022年9底前",
    ),
    (
        3,
        "落实其他领域标准指引",
        "(9)建立其他领域县、乡两级政务公开标准目录体系并统一公开",
        CITIES,
        BASE,
        OFFICE,
        "2022年10月底前",
    ),
    (
        4,
        "健全完善政务公开制度",
        "(10)健全完善信息发布、政策解读、舆情回应、重大决策预公开、政府文件公开属性源头认定、"
        "政府信息管理、依申请公开、公共企事业单位办事公开、监督考核等制度规范",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        4,
        "健全完善政务公开制度",
        "(11)积极探索将政务公开事项标准目录、标准规范嵌入部门业务系统，促进政务公开工作与其他业务"
        "工作融合发展；加强集成发布、精准推送、智能查询、整合利用等方面的探索创新",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        5,
        "规范基层政务公开平台",
        "(12)各设区市政府全面完成政府网站集约化建设，实现政府网站互联互通、融合发展",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        5,
        "规范基层政务公开平台",
        "(13)县(市、区)政府信息公开平台集中发布政府信息，优化信息检索和下载服务功能，"
        "整合设置统一的办事服务入口和互动交流入口",
        CITIES,
        BASE,
        OFFICE,
        "2021年6月底前",
    ),
    (
        5,
        "规范基层政务公开平台",
        "(14)加强省市县三级政务新媒体矩阵建设，严格政务新媒体信息采集、审核、发布程序，"
        "建立网民意见建议审看处置机制",
        CITIES,
        BASE,
        OFFICE,
        "2021年12月底前",
    ),
    (
        5,
        "规范基层政务公开平台",
        "(15)在政务服务大厅、便民服务中心等场所设立标识清楚、方便实用的政务公开专区",
        CITIES,
        BASE,
        OFFICE,
        "2021年4月底前",
    ),
    (
        6,
        "压实舆情处置回应责任",
        "(16)建立政务舆情处置回应工作机制，对省政府办公厅(省政府政务公开办公室)下发的政务舆情"
        "处置转办单及时调查处置，按时反馈情况",
        CITIES,
        BASE,
        OFFICE,
        "2020年5月底前",
    ),
    (
        6,
        "压实舆情处置回应责任",
        "(17)对涉及多地、多部门的负面舆情，及时会同宣传、网信办、公安、通信管理等部门研究确定"
        "舆情回应方案和措施，做到快速发声、及时回应",
        CITIES,
        BASE,
        OFFICE,
        "2020年10月底前",
    ),
    (
        7,
        "加强政策措施阐释解读",
        "(18)出台涉及群众切身利益、需要社会广泛知晓的重大政策措施同步开展政策解读，并丰富政策解读形式",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        8,
        "创新基层决策参与方式",
        "(19)在制定与人民群众利益密切相关的重大改革方案、重要政策文件、重大规划计划等重大行政决策时，"
        "通过座谈会、听证会、实地走访、公开征求意见、问卷调查多种方式，充分听取公众意见建议",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        8,
        "创新基层决策参与方式",
        "(20)制定公众参与行政决策的事项清单，明确参与的范围和方式，并向社会公布",
        CITIES,
        BASE,
        OFFICE,
        "2021年7月底前",
    ),
    (
        8,
        "创新基层决策参与方式",
        "(21)县(市、区)政府常务会议或乡镇人民政府(街道办)讨论研究涉及重大民生问题、社会关注度高的"
        "议题，应邀请利益相关方、群众代表列席会议，并探索通过网络、新媒体直播等方式向社会公开",
        CITIES,
        BASE,
        OFFICE,
        "2021年9月底前",
    ),
    (
        9,
        "开展区域示范创建活动",
        "(22)大力开展基层政务公开“十县百乡”示范创建活动",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        10,
        "全程公开办事服务事项",
        "(23)及时梳理编制进驻办事大厅的审批服务事项、办事指南等，并通过线上线下全面准确公开",
        CITIES,
        BASE,
        SERVICE_OFFICE,
        "2020年12月底前",
    ),
    (
        10,
        "全程公开办事服务事项",
        "(24)编制企业和群众办事一本通",
        CITIES,
        BASE,
        SERVICE_OFFICE,
        "2021年6月底前",
    ),
    (
        10,
        "全程公开办事服务事项",
        "(25)大力推进全省政府网站集约化建设，促进政府网站互联互通、融合发展",
        CITIES,
        BASE,
        OFFICE,
        "2020年12月底前",
    ),
    (
        11,
        "探索推动村(居)务公开机制",
        "(26)建立完善村(居)民委员会公开事项清单",
        CITIES,
        BASE,
        OFFICE,
        "2021年12月底前",
    ),
    (
        11,
        "探索推动村(居)务公开机制",
        "(27)探索完善村(居)务公开渠道",
        CITIES,
        BASE,
        OFFICE,
        "2021年12月底前",
    ),
    (
        12,
        "制定全省统一基层政务公开标准规范",
        "(28)健全完善全省统一的基层政务公开标准规范",
        CITIES,
        BASE,
        OFFICE,
        "2022年7月底前",
    ),
]
PAGE_BREAKS_BEFORE = (8, 16, 22)  # the printed table repeats its header before these items


def workbook_bytes(tasks=TASKS) -> bytes:
    """The table as the attachment lays it out: title, header, 序号 and 工作任务 merged per group."""
    book = Workbook()
    sheet = book.active
    sheet.title = "附件1"
    sheet.append([TITLE])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADER)
    runs: list[tuple[int, int]] = []
    start = None
    for index, task in enumerate(tasks):
        number = index + 1
        if number in PAGE_BREAKS_BEFORE:
            if start is not None:
                runs.append((start, sheet.max_row))
            sheet.append(HEADER)
            start = None
        new_group = index == 0 or tasks[index - 1][1] != task[1] or start is None
        if new_group:
            if start is not None:
                runs.append((start, sheet.max_row))
            start = sheet.max_row + 1
            sheet.append(list(task))
        else:
            sheet.append(["", "", *task[2:]])
    runs.append((start, sheet.max_row))
    for first, last in runs:
        if last > first:
            sheet.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
            sheet.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
