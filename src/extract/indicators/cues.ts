// Trigger phrases for the indicator rules (English and Chinese). Sentence-level; part of the ruleset hash.
const re = (source: string) => new RegExp(source, "iu");

export const CUES = {
  // Not the "training" inside "post-training" / "后训练": that is a post-training stage, not pre-training.
  trainingWord: re(String.raw`(?<!\bpost-?)\btrain(?:ed|ing|s)?\b|\bpre-?train|(?<!后)训练`),
  inferenceWord: re(String.raw`\binferenc(?:e|ing)\b|\bserv(?:e|es|ing)\b|(?<!深度)推理(?!大?模型|能力)`),
  domesticCompute: re(String.raw`\b(?:domestic(?:ally[- ]made)?|Chinese-made|home-?made|home-?grown|indigenous|Chinese)\s+(?:AI\s+|inference\s+|training\s+)?(?:processors?|chips?|semiconductors|accelerators?|hardware|compute(?: stack)?|clusters?|GPUs)\b|国产(?:AI)?(?:算力|芯片|加速器|集群|GPU)|全国产`),
  hypothetical: re(String.raw`\b(?:could|might|would|if|can|cannot|not|whether)\b|是否|能否|不能`),
  shiftAway: re(String.raw`\b(?:off|away from|rather than|instead of|alternatives? to|switch(?:ed|ing)? from|reliance on)\s+(?:\w+\s+){0,2}?(?:Nvidia|US|American|foreign|imported)\b|\brel(?:y|ies|ying) (?:mostly |largely )?on alternatives\b|\btowards? domestic (?:suppliers|chips|hardware)\b|\b(?:end(?:s|ed|ing)?|stop(?:s|ped|ping)?|drop(?:s|ped|ping)?|phas(?:e|es|ed|ing) out)\s+(?:its\s+|their\s+)?(?:use of|reliance on)\s+(?:\w+\s+){0,2}?(?:Nvidia|US|American|foreign|imported)\b|摆脱(?:对)?(?:英伟达|进口)|转向国产|替代英伟达|(?:迁移|迁往|转移|切换)(?:到|至)?[^，。；]{0,8}(?:国产|昇腾|华为|寒武纪|昆仑芯|海光)|从(?:英伟达|进口|国外|海外)[^，。；]{0,12}(?:迁移|迁往|转移|切换)`),
  compact: re(String.raw`\bon-device\b|\bedge\b|\bsmall (?:language |reasoning )?models?\b|\bcompact\b|\blightweight\b|\b(?:smart)?phones?\b|\bconstrained devices\b|\bcockpits?\b|端侧|手机|边缘|轻量|小模型|车载`),
  ownFramework: re(String.raw`\binference engine\b|\bdeployment framework\b|\binference framework\b|推理引擎|部署框架|推理框架`),
  capitalRaise: re(String.raw`\bIPO\b|\binitial public offering\b|\blisting\b|\bdebut\b|\bbegan trading\b|\bfiled? for\b|\brais(?:e|es|ed|ing)\b(?=[^.]{0,50}?(?:[$¥€]|\byuan\b|\bdollars?\b|\bbillion\b|\bmillion\b|\bfunds?\b|\bcapital\b|\bfinancing\b|\bround\b))|\bshare sale\b|\bprivate placement\b|上市|募资|定向增发|递交.{0,10}申请`),
  stateFund: re(String.raw`\bstate-backed (?:investors?|funds?)\b|\bstate funds?\b|\bgovernment funds?\b|\bpublic funding\b|产业投资基金|大基金|国家基金`),
  authority: re(String.raw`\b(?:Beijing|authorities|regulators?|government|state|officials|ministry|provinces?|provincial|municipal|local governments?)\b|政府|监管|国家|部门|地方`),
  steer: re(String.raw`\b(?:must|required?|requires|order(?:ed|s)?|told|encourag\w*|mandat\w*|guidance|quotas?|targets?|steer\w*|offer(?:s|ed|ing)?|subsid\w*|pay(?:s|ing)?|vouchers?|grants?|rebates?)\b|要求|鼓励|设定|目标|比例|补贴|贴息|补助|奖励|资助|算力券`),
  domesticObject: re(String.raw`\b(?:domestic(?:ally made)?|home-?grown|indigenous|Chinese-made|local)\s+(?:AI\s+)?(?:chips?|processors?|accelerators?|silicon|suppliers)\b|\bHuawei(?:'s)? (?:silicon|chips|processors|hardware)\b|国产(?:AI)?芯片|国产算力|国产化`),
  fab: re(String.raw`\b(?:fabs?|fabrication plants?|chip plants?|wafer fabs?|production lines?)\b|晶圆厂|产线|扩产`),
  fabBuild: re(String.raw`\b(?:build\w*|new|third|second|double|triple|capacity|expand\w*|start production|dedicated)\b|新建|建设|扩产|翻倍`),
  listing: re(String.raw`\bEntity List\b|\bblacklist\w*|\bsanctions? lists?\b|实体清单|制裁名单`),
  exportMeasure: re(String.raw`\bexport licen[cs]es?\b|\blicen[cs]e requirement\b|\b(?:need|needs|needed|require[sd]?)\s+(?:an?\s+)?(?:export\s+)?licen[cs]e\b|\blicensed for export\b|\bexport[- ]controls?\b|\bexport rules?\b|\bexport bans?\b|\bbars?\s+(?:\w+\s+){0,3}(?:sale|export)|\b(?:not|n't) (?:allow|allowed|permit|permitted)\b[^.]{0,40}\bexport|\bGeneral Prohibition\b|\bforeign-direct-product\b|出口管制|出口许可|禁止出口|禁售`),
  controlledItem: re(String.raw`\bHBM\b|\bhigh-bandwidth memory\b|\bchip(?:making|-making)? (?:tools|equipment)\b|\bsemiconductor manufacturing equipment\b|\bAI chips\b|\badvanced chips\b|\blithography\b|\b[DE]UV\b|高带宽存储|先进芯片|光刻`),
  importRestriction: re(String.raw`\bstop buying\b|\bhalt\w* (?:testing|purchases|orders)\b|\bcancel (?:orders|planned purchases)\b|\bdiscourag\w* (?:\w+ ){0,3}(?:from )?buying\b|\bimports? (?:were |was )?not permitted\b|\bnot (?:permitted|allowed) to (?:buy|import)\b|\bban(?:ned|s)? (?:on )?(?:purchases|imports|buying)\b|\bsummon\w*|\bremov\w* (?:installed |existing )?foreign (?:AI )?(?:chips|accelerators|GPUs|processors)\b|\bbar(?:s|red|ring)?\s+(?:[\w-]+\s+){0,6}?from\s+(?:\w+\s+){0,2}?(?:sites|data cent(?:re|er)s|projects|facilities|procurement)\b|\bbackdoors?\b|禁止采购|停止采购|约谈|不得采购`),
  // A procurement rule that admits only domestic chips shuts out foreign ones (GUIDE: Chinese measures).
  domesticOnly: re(String.raw`\bonly (?:domestic(?:ally[- ]made)?|home-?grown|Chinese-made) (?:AI )?(?:chips|accelerators|processors|GPUs|hardware)\b|(?:只|仅)(?:使用|采购)国产`),
  foreignChipWord: re(String.raw`\bforeign (?:AI )?(?:chips|accelerators|GPUs|processors)\b|\bNvidia chips\b|进口芯片|境外芯片`),
  capabilityStrong: re(String.raw`\bmass[- ]produc\w*|\bvolume production\b|\bcapacity\b|\bwafers?\b|\byields?\b|(?<!\b(?:second|tokens?) of )\boutput\b|\b(?:volume|first|initial|mass|commercial) shipments\b|\bshipments of (?:its|the|their)\b|\b(?:ship|ships|shipped|shipping|produc\w*|deliver\w*)\s+(?:[\w-]+\s+){0,3}?in volume\b|\b(?:shipped|shipping|(?:to|will) ship) (?:about |around |some |over |more than )?[\d,.]+(?: million| thousand)? (?:units|chips|cards|accelerators|GPUs)\b|\bproduction targets?\b|\broadmap\b|\bsamples?\b|\bunveil\w*|\blaunch\w* (?:a |its )?(?:new )?(?:AI )?(?:chip|GPU|processor|accelerator)|\bquarterly revenue\b|\brevenue\b|量产|产能|良率|出货|路线图|营收|营业收入|发布.{0,12}(?:架构|芯片|GPU)|点亮|(?:新一代|下一代)(?=[^，。；]{0,8}(?:芯片|GPU|加速|处理器|架构|算力))`),
  capabilityWeak: re(String.raw`\boutperform\w*|\bbeats?\b|\bsurpass\w*|\bovertake\b|\brivals?\b|\bswitched on\b|\bbrought online\b|\bnext-generation\b|\bspecifications\b|\b(?:peta|tera|exa)flops?\b|\b[TP]FLOPS\b|\bbr(?:ought|ing|ings|inging) up\b|\bbring-up\b|对标|超过|万卡`),
  upcomingDomestic: re(String.raw`\bnext-generation['’"”]?\s+(?:domestic|Chinese)\s+(?:AI\s+)?(?:chips|processors)\b|\b(?:domestic|Chinese)\s+(?:AI\s+)?(?:chips|processors)\s+that will be released\b|即将发布的国产芯片|下一代国产芯片`),
};

import { ANCHOR_GROUPS } from "../anchors.ts";
for (const cue of Object.keys(CUES)) if (cue !== "hypothetical" && !(cue in ANCHOR_GROUPS)) throw new Error(`cue ${cue} has no anchor group`);

export const cuesSignature = (): string => JSON.stringify([Object.entries(CUES).map(([k, r]) => [k, r.source]), ANCHOR_GROUPS]);
