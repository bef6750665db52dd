// Ledger import: what is wrong with a file, and what an import did.
import { defineCatalog } from '../define.ts';

type Line = { line: number };
type LineColumn = { line: number; column: string };
type Choices = { value: string; choices: string };
type Mismatch = { plan: string; value: string; expected: string; firstLine: number };
type FileArg = { file: string };
type Size = { file: string; size: string; limit: string };
type Counts = { created: number; updated: number; unchanged: number };
type ItemCounts = Counts & { statusChanges: number };

export const ledgerCatalog = defineCatalog({
  en: {
    'ledger.defect.line': (p: { where: string; what: string }) => `${p.where}: ${p.what}`,
    'ledger.defect.at': (p: Line) => `line ${p.line}`,
    'ledger.defect.inSheet': (p: { sheet: string; where: string }) => `sheet ${p.sheet}, ${p.where}`,
    'ledger.defect.noGroup': (p: { plan: string }) =>
      `plan "${p.plan}" has no special group: add a 牵头专项小组 column, or a section row above the plan naming the group (e.g. 一、经济体制改革) as the org file names it`,
    'ledger.defect.noDomain': (p: { plan: string; group: string }) =>
      `plan "${p.plan}" has no domain: add a 改革领域 column, a section row naming the domain (e.g. 二、民主法制领域改革), or a default domain for group ${p.group || '(none)'} in the org file (groups: - code: … domain: economic)`,
    'ledger.defect.duplicateTitle': (p: { plan: string; firstLine: number }) =>
      `the same item title is already on line ${p.firstLine} of plan "${p.plan}" (without an item code column, an item is known by its title)`,
    'ledger.defect.atColumn': (p: LineColumn) => `line ${p.line}, column ${p.column}`,
    'ledger.defect.missingColumn': (p: { en: string; zh: string }) => `missing required column ${p.en} (${p.zh})`,
    'ledger.defect.duplicateColumn': (p: { firstHeader: string; header: string }) =>
      `the column appears twice: "${p.firstHeader}" and "${p.header}"`,
    'ledger.defect.noRows': 'the file has a header but no item rows',
    'ledger.defect.noHeader': 'no header row found (expected column names such as plan_code or 方案编号)',
    'ledger.defect.cellCount': (p: { got: number; expected: number }) =>
      `the row has ${p.got} cells, the header has ${p.expected}`,
    'ledger.defect.textBeyondHeader': (p: { expected: number }) =>
      `text in a cell beyond the header's ${p.expected} columns`,
    'ledger.defect.emptyValue': 'empty, a value is required',
    'ledger.defect.unknownStatus': (p: Choices) =>
      `unknown status "${p.value}" (known words: ${p.choices}; an office's own word can be mapped in the org file: status_words: { ${p.value}: started })`,
    'ledger.defect.unknownDomain': (p: Choices) => `unknown domain "${p.value}" (expected ${p.choices})`,
    'ledger.defect.badDate': (p: { value: string }) =>
      `bad date "${p.value}" (expected a real date such as 2016-06-30, 2016/6/30 or 2016年6月30日; a due date may also name a period, 2016年6月底前, 2016年第三季度, 2017年, or be 长期坚持 for no deadline)`,
    'ledger.defect.duplicateItem': (p: { plan: string; item: string; firstLine: number }) =>
      `item ${p.item} of plan ${p.plan} is already on line ${p.firstLine}`,
    'ledger.defect.planMismatch': (p: Mismatch) =>
      `plan ${p.plan}: "${p.value}" differs from "${p.expected}" on line ${p.firstLine} (plan columns must agree on every row of a plan)`,
    'ledger.file.quoteNotClosed': 'a quoted field starting here is never closed; nothing after it could be read',
    'ledger.file.badQuote':
      'misplaced quote: a field holding quotes must be wrapped in quotes, with inner quotes doubled ("")',
    'ledger.file.notUtf8': 'the text is not valid UTF-8 (in Excel, save as "CSV UTF-8")',
    'ledger.file.recordTooLong':
      'a record longer than 1,000,000 characters (an unclosed quote?); nothing after it could be read',
    'ledger.file.xlsx': (p: { detail: string }) => `cannot read the workbook: ${p.detail}`,
    'ledger.reject.notFound': (p: FileArg) => `${p.file}: no such file`,
    'ledger.reject.notAFile': (p: FileArg) => `${p.file} is not a file`,
    'ledger.reject.empty': (p: FileArg) => `${p.file} is empty`,
    'ledger.reject.tooLarge': (p: Size) => `${p.file} is ${p.size} MB, over the ${p.limit} MB limit for a ledger file`,
    'ledger.reject.unknownExtension': (p: { file: string; extension: string }) =>
      `${p.file}: unknown file type "${p.extension}"; a ledger is a .csv or .xlsx file`,
    'ledger.reject.legacyXls': (p: FileArg) =>
      `${p.file} is an old Excel 97-2003 (.xls) workbook; save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"`,
    'ledger.reject.binary': (p: FileArg) => `${p.file} is not a text file; a .csv ledger must be text`,
    'ledger.reject.utf16': (p: FileArg) => `${p.file} is UTF-16 text (Excel "Unicode Text"); save it as "CSV UTF-8"`,
    'ledger.reject.workbookAsCsv': (p: FileArg) => `${p.file} is an Excel workbook, not CSV text; name it .xlsx`,
    'ledger.reject.notXlsx': (p: FileArg) =>
      `${p.file} is not an XLSX workbook (it is not a zip file); save it from Excel as .xlsx`,
    'ledger.import.defects': (p: { file: string; count: number }) =>
      `${p.file}: ${p.count} defect(s); nothing was imported. Fix them and import again:`,
    'ledger.import.title': (p: FileArg) => `Imported ${p.file}.`,
    'ledger.import.titleDryRun': (p: FileArg) =>
      `Dry run of ${p.file}: this is what an import would do; nothing was written.`,
    'ledger.import.plans': (p: Counts) =>
      `Plans: ${p.created} created, ${p.updated} updated, ${p.unchanged} unchanged.`,
    'ledger.import.items': (p: ItemCounts) =>
      `Items: ${p.created} created, ${p.updated} updated (${p.statusChanges} status changes), ${p.unchanged} unchanged.`,
    'ledger.import.newGroups': (p: { count: number; list: string }) =>
      `New special groups (${p.count}, named by their code until the org file names them): ${p.list}`,
    'ledger.import.newDepartments': (p: { count: number; list: string }) => `New departments (${p.count}): ${p.list}`,
    'ledger.import.missing': (p: { count: number }) =>
      `Items in the database but not in this file (${p.count}; kept, not deleted):`,
    'ledger.import.gb18030':
      'The file is not UTF-8; it was read as GB18030 (GBK), the encoding of Excel on Chinese Windows.',
    'ledger.import.progressRead': 'Reading',
    'ledger.import.progressWrite': 'Writing',
    'ledger.list.separator': ', ',
  },
  'zh-CN': {
    'ledger.defect.line': (p: { where: string; what: string }) => `${p.where}：${p.what}`,
    'ledger.defect.at': (p: Line) => `第 ${p.line} 行`,
    'ledger.defect.inSheet': (p: { sheet: string; where: string }) => `工作表“${p.sheet}”${p.where}`,
    'ledger.defect.noGroup': (p: { plan: string }) =>
      `方案“${p.plan}”没有专项小组：请增加“牵头专项小组”列，或在方案上方加一行按组织文件中的小组名称写的分组行（如“一、经济体制改革”）`,
    'ledger.defect.noDomain': (p: { plan: string; group: string }) =>
      `方案“${p.plan}”没有改革领域：请增加“改革领域”列，或加一行写明领域的分组行（如“二、民主法制领域改革”），或在组织文件中为小组 ${p.group || '（无）'} 设默认领域（groups: - code: … domain: economic）`,
    'ledger.defect.duplicateTitle': (p: { plan: string; firstLine: number }) =>
      `方案“${p.plan}”中同名事项已在第 ${p.firstLine} 行出现（没有事项编号列时，按事项名称区分事项）`,
    'ledger.defect.atColumn': (p: LineColumn) => `第 ${p.line} 行“${p.column}”列`,
    'ledger.defect.missingColumn': (p: { en: string; zh: string }) => `缺少必需的列“${p.zh}”（${p.en}）`,
    'ledger.defect.duplicateColumn': (p: { firstHeader: string; header: string }) =>
      `同一列出现两次：“${p.firstHeader}”和“${p.header}”`,
    'ledger.defect.noRows': '文件只有表头，没有事项行',
    'ledger.defect.noHeader': '未找到表头行（应包含“方案编号”或 plan_code 等列名）',
    'ledger.defect.cellCount': (p: { got: number; expected: number }) =>
      `该行有 ${p.got} 个单元格，表头有 ${p.expected} 个`,
    'ledger.defect.textBeyondHeader': (p: { expected: number }) => `表头 ${p.expected} 列之外的单元格有内容`,
    'ledger.defect.emptyValue': '为空，必须填写',
    'ledger.defect.unknownStatus': (p: Choices) =>
      `无法识别的落实情况“${p.value}”（可用的写法：${p.choices}；本单位自己的写法可在组织文件中对应：status_words: { ${p.value}: started }）`,
    'ledger.defect.unknownDomain': (p: Choices) => `无法识别的改革领域“${p.value}”（应为 ${p.choices}）`,
    'ledger.defect.badDate': (p: { value: string }) =>
      `日期“${p.value}”无效（应为真实日期，如 2016-06-30、2016/6/30 或 2016年6月30日；完成时限也可写期限，如 2016年6月底前、2016年第三季度、2017年，无期限写“长期坚持”）`,
    'ledger.defect.duplicateItem': (p: { plan: string; item: string; firstLine: number }) =>
      `方案 ${p.plan} 的事项 ${p.item} 已在第 ${p.firstLine} 行出现`,
    'ledger.defect.planMismatch': (p: Mismatch) =>
      `方案 ${p.plan}：“${p.value}”与第 ${p.firstLine} 行的“${p.expected}”不一致（同一方案各行的方案信息必须相同）`,
    'ledger.file.quoteNotClosed': '从此处开始的带引号字段没有结束引号，其后内容无法读取',
    'ledger.file.badQuote': '引号位置错误：含引号的字段须整体用引号括起，字段内的引号写成两个（""）',
    'ledger.file.notUtf8': '文本不是有效的 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）',
    'ledger.file.recordTooLong': '一条记录超过 1,000,000 个字符（可能有未结束的引号），其后内容无法读取',
    'ledger.file.xlsx': (p: { detail: string }) => `无法读取工作簿：${p.detail}`,
    'ledger.reject.notFound': (p: FileArg) => `${p.file}：文件不存在`,
    'ledger.reject.notAFile': (p: FileArg) => `${p.file} 不是文件`,
    'ledger.reject.empty': (p: FileArg) => `${p.file} 是空文件`,
    'ledger.reject.tooLarge': (p: Size) => `${p.file} 大小为 ${p.size} MB，超过台账文件 ${p.limit} MB 的上限`,
    'ledger.reject.unknownExtension': (p: { file: string; extension: string }) =>
      `${p.file}：无法识别的文件类型“${p.extension}”，台账应为 .csv 或 .xlsx 文件`,
    'ledger.reject.legacyXls': (p: FileArg) =>
      `${p.file} 是旧版 Excel 97-2003（.xls）工作簿，请另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”`,
    'ledger.reject.binary': (p: FileArg) => `${p.file} 不是文本文件，.csv 台账必须是文本`,
    'ledger.reject.utf16': (p: FileArg) => `${p.file} 是 UTF-16 文本（Excel“Unicode 文本”），请另存为“CSV UTF-8”`,
    'ledger.reject.workbookAsCsv': (p: FileArg) => `${p.file} 是 Excel 工作簿而不是 CSV 文本，请将扩展名改为 .xlsx`,
    'ledger.reject.notXlsx': (p: FileArg) => `${p.file} 不是 XLSX 工作簿（不是 zip 文件），请在 Excel 中另存为 .xlsx`,
    'ledger.import.defects': (p: { file: string; count: number }) =>
      `${p.file}：发现 ${p.count} 处问题，未导入任何内容。请修改后重新导入：`,
    'ledger.import.title': (p: FileArg) => `已导入 ${p.file}。`,
    'ledger.import.titleDryRun': (p: FileArg) => `${p.file} 试运行：以下是导入将会做的变更，未写入任何内容。`,
    'ledger.import.plans': (p: Counts) => `方案：新建 ${p.created}，更新 ${p.updated}，未变 ${p.unchanged}。`,
    'ledger.import.items': (p: ItemCounts) =>
      `事项：新建 ${p.created}，更新 ${p.updated}（其中落实情况变更 ${p.statusChanges}），未变 ${p.unchanged}。`,
    'ledger.import.newGroups': (p: { count: number; list: string }) =>
      `新建专项小组 ${p.count} 个（在组织文件给出名称前以编号命名）：${p.list}`,
    'ledger.import.newDepartments': (p: { count: number; list: string }) => `新建部门 ${p.count} 个：${p.list}`,
    'ledger.import.missing': (p: { count: number }) =>
      `数据库中有、本文件中没有的事项 ${p.count} 个（已保留，未删除）：`,
    'ledger.import.gb18030': '文件不是 UTF-8 编码，已按 GB18030（GBK，中文 Windows 版 Excel 的编码）读取。',
    'ledger.import.progressRead': '读取',
    'ledger.import.progressWrite': '写入',
    'ledger.list.separator': '、',
  },
});
