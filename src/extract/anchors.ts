// Literal anchors for the trigger regexes. They are compiled into the same automaton as the catalog, so one
// pass over the text tells which sentences can possibly match a cue; the (slower) regex then runs only on
// those. An anchor list must cover every alternative of its regex (over-matching is harmless).
export const ANCHOR_GROUPS: Record<string, string[]> = {
  stage: ["adapt", "distil", "dpo", "grpo", "dapo", "ppo", "lora", "powered by", "推论", "蒸馏", "从零", "从头", "跑在", "train", "训练", "scratch", "fine-tun", "finetun", "sft", "rl", "reinforcement", "alignment", "instruction", "inferenc", "serv", "deploy", "day", "validated", "production", "推理", "部署", "0day", "0 day", "零等待", "上线", "run", "ran", "support", "host", "throughput", "benchmark", "test", "optimi", "tuned for", "tunes for", "tuning for", "compiled for", "ported to", "优化", "运行", "适配", "搭载", "跑通", "支持", "吞吐", "微调", "强化学习"],
  // One group per stage-trigger regex (lexicon.ts), so that each runs only where its own words occur.
  preTrainingStage: ["从零", "从头", "train", "scratch", "预训练"],
  postTrainingStage: ["distil", "dpo", "grpo", "dapo", "ppo", "lora", "align", "蒸馏", "train", "fine-tun", "finetun", "sft", "rl", "reinforcement", "alignment", "instruction", "训练", "微调", "强化学习"],
  inferenceStage: ["adapt", "推论", "适配", "inferenc", "serv", "deploy", "day", "validated", "production", "推理", "部署", "0day", "0 day", "零等待", "上线"],
  weakInferenceStage: ["powered by", "跑在", "run", "ran", "support", "host", "throughput", "benchmark", "test", "optimi", "tuned for", "tunes for", "tuning for", "compiled for", "ported to", "优化", "运行", "适配", "搭载", "跑通", "支持", "吞吐"],
  trainingWord: ["train", "训练"],
  inferenceWord: ["inferenc", "serv", "推理"],
  domesticCompute: ["domestic", "chinese", "home", "indigenous", "国产"],
  shiftAway: ["off", "away", "rather", "instead", "alternative", "switch", "reliance", "toward", "use of", "摆脱", "转向国产", "替代", "迁移", "迁往", "转移", "切换"],
  compact: ["device", "edge", "small", "compact", "lightweight", "phone", "cockpit", "端侧", "手机", "边缘", "轻量", "小模型", "车载"],
  ownFramework: ["engine", "framework", "推理引擎", "部署框架", "推理框架"],
  capitalRaise: ["ipo", "initial public", "listing", "debut", "began trading", "file", "rais", "share sale", "private placement", "上市", "募资", "定向增发", "递交"],
  stateFund: ["state-backed", "state fund", "government fund", "public funding", "产业投资基金", "大基金", "国家基金"],
  authority: ["beijing", "authorit", "regulator", "government", "state", "official", "ministry", "province", "municipal", "政府", "监管", "国家", "部门", "地方"],
  steer: ["must", "require", "order", "told", "encourag", "mandat", "guidance", "quota", "target", "steer", "offer", "subsid", "pay", "voucher", "grant", "rebate", "要求", "鼓励", "设定", "目标", "比例", "补贴", "贴息", "补助", "奖励", "资助", "算力券"],
  domesticObject: ["domestic", "home", "indigenous", "chinese-made", "local", "huawei", "国产"],
  fab: ["fab", "plant", "wafer", "production line", "晶圆厂", "产线", "扩产"],
  fabBuild: ["build", "new", "third", "second", "double", "triple", "capacity", "expand", "start production", "dedicated", "新建", "建设", "扩产", "翻倍"],
  listing: ["entity list", "blacklist", "sanction", "实体清单", "制裁名单"],
  exportMeasure: ["licen", "export", "general prohibition", "foreign-direct", "bar", "allow", "permit", "出口", "禁售"],
  controlledItem: ["hbm", "high-bandwidth", "tools", "equipment", "ai chips", "advanced chips", "lithograph", "duv", "euv", "高带宽", "先进芯片", "光刻"],
  importRestriction: ["stop buying", "halt", "cancel", "discourag", "permitted", "allowed", "ban", "summon", "remov", "bar", "backdoor", "禁止采购", "停止采购", "约谈", "不得采购"],
  domesticOnly: ["only domestic", "only home", "only chinese", "只使用国产", "只采购国产", "仅使用国产", "仅采购国产"],
  foreignChipWord: ["foreign", "nvidia chips", "进口芯片", "境外芯片"],
  capabilityStrong: ["mass", "volume production", "in volume", "shipment", "shipped", "shipping", "to ship", "will ship", "capacity", "wafer", "yield", "output", "production target", "roadmap", "sample", "unveil", "launch", "revenue", "量产", "产能", "良率", "出货", "路线图", "营收", "营业收入", "发布", "点亮", "新一代", "下一代"],
  capabilityWeak: ["outperform", "beat", "surpass", "overtake", "rival", "switched on", "brought online", "next-generation", "specification", "flop", "brought up", "bring", "对标", "超过", "万卡"],
  upcomingDomestic: ["next-generation", "will be released", "即将发布", "下一代国产"],
  chipAnaphor: ["the chip", "the accelerator", "the processor", "the card", "the part", "该芯片", "这款芯片", "这批加速器", "该加速器"],
  modelAnaphor: ["模型", "checkpoint", "them", "model", "series", "weights", "project", "experiment", "system", "该", "其模型", "模型的"],
};

export const ANCHOR_NAMES = Object.keys(ANCHOR_GROUPS);
if (ANCHOR_NAMES.length > 31) throw new Error("anchor groups are kept in an int32 bit mask: at most 31");

/** Group name -> its bit in an anchor mask. */
export const ANCHOR_BIT: Readonly<Record<string, number>> = Object.fromEntries(ANCHOR_NAMES.map((g, i) => [g, 1 << i]));
