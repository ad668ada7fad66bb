import ts from 'typescript';

/**
 * RELIABILITY E2: `new Date(text)` and `Date.parse(text)` read anything but ISO 8601 differently per engine
 * (Safari gives Invalid Date where Chrome guesses). Times in logs are read by app/core/time. This rule asks the
 * type checker, so a string held in a variable is caught as well as a literal; numbers (epoch ms) pass.
 */
export const noDateFromText = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid the engine\'s date parsing of text' },
    messages: { text: 'Read times with app/core/time (parseLogTimestamp, readStamp), not the engine\'s date parsing of text.' },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) return {};
    const checker = services.program.getTypeChecker();
    const mayBeText = (node) => {
      const type = checker.getApparentType(services.getTypeAtLocation(node));
      const parts = type.isUnion() ? type.types : [type];
      return parts.some((part) => (part.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || checker.typeToString(part) === 'String');
    };
    const isDate = (node) => node.type === 'Identifier' && node.name === 'Date';
    return {
      NewExpression(node) {
        if (isDate(node.callee) && node.arguments.length === 1 && mayBeText(node.arguments[0])) context.report({ node, messageId: 'text' });
      },
      CallExpression(node) {
        const { callee } = node;
        if (callee.type === 'MemberExpression' && isDate(callee.object) && callee.property.type === 'Identifier' && callee.property.name === 'parse') {
          context.report({ node, messageId: 'text' });
        }
      },
    };
  },
};
